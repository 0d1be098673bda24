package dev.migrations.autogenerate.insync;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The shapes of benchmark P3's entities: identity key, unique column, enum check, decimal, two indexes, a foreign key. */
@Entity
@Table(indexes = { @Index(name = "ix_book_title", columnList = "title"),
		@Index(name = "ix_book_published_status", columnList = "published, status") })
public class Book {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Column(nullable = false, length = 80)
	String title;

	@Column(length = 40, unique = true)
	String isbn;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	Status status;

	@Column(precision = 12, scale = 2)
	BigDecimal price;

	LocalDate published;

	@Column(length = 1000)
	String summary;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "shelf_id")
	Shelf shelf;

	public enum Status {

		NEW, ACTIVE, CLOSED

	}

}
