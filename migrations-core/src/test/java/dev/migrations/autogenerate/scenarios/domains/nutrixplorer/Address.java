package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An address, unique over five columns, with {@code @Size} bounds that disagree with the columns' lengths
 * (a maximum above the length, one below it).
 */
@Entity
@Table(name = "addresses", uniqueConstraints = { @UniqueConstraint(columnNames = { "number", "street", "city", "zip", "country" }) })
public class Address extends AbstractEntity {

	@Column(name = "country", nullable = false, length = 100)
	@NotNull
	@Size(min = 2, max = 100)
	private String country;

	@Column(name = "number", nullable = false, length = 10)
	@NotNull
	@Size(min = 1, max = 20)
	private String number;

	@Column(name = "street", nullable = false, length = 100)
	@NotNull
	@Size(min = 2, max = 100)
	private String street;

	@Column(name = "city", nullable = false, length = 100)
	@NotNull
	@Size(min = 2, max = 50)
	private String city;

	@Column(name = "zip", nullable = false, length = 10)
	@Pattern(regexp = "\\d{2}-\\d{3}")
	private String zip;

	@OneToOne(mappedBy = "address")
	private Seller seller;

}
