package dev.migrations.autogenerate.scenarios.apps.library.v1;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.library.Publisher;

@Entity
@Table(name = "book")
public class Book implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Size(min = 13, max = 13)
	@Column(name = "isbn", length = 13, nullable = false, unique = true)
	String isbn;

	@NotNull
	@Size(max = 100)
	@Column(name = "title", length = 100, nullable = false)
	String title;

	@NotNull
	@Min(value = 1450)
	@Max(value = 2100)
	@Column(name = "publish_year", nullable = false)
	Integer publishYear;

	@NotNull
	@Min(value = 0)
	@Column(name = "copies", nullable = false)
	Integer copies;

	@Lob
	@Column(name = "cover")
	byte[] cover;

	@Column(name = "cover_content_type")
	String coverContentType;

	@ManyToOne(fetch = FetchType.LAZY)
	Publisher publisher;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "rel_book__author", joinColumns = @JoinColumn(name = "book_id"),
			inverseJoinColumns = @JoinColumn(name = "author_id"))
	Set<Author> authors = new HashSet<>();

}
