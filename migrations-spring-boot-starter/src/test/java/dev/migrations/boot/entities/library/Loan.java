package dev.migrations.boot.entities.library;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** A loan, referencing its borrower: a foreign key named by Boot's implicit naming. */
@Entity
public class Loan {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(optional = false)
	private LibraryMember borrower;

	@Column(nullable = false, length = 200)
	private String bookTitle;

	protected Loan() {
	}

}
