package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

/**
 * A product: a column bounded only by {@code @Size}, one of length {@code Integer.MAX_VALUE}. Left out: its
 * associations with the nutrition tables.
 */
@Entity
@Table(name = "PRODUCT")
public class Product extends AbstractEntity {

	@Size(max = 13)
	private String ean;

	@Column(name = "PRODUCT_NAME", nullable = false)
	private String productName;

	@Column(name = "PRODUCT_DESCRIPTION")
	private String productDescription;

	@Column(name = "PRODUCT_QUANTITY")
	private Integer productQuantity;

	@Column(name = "COUNTRY", length = Integer.MAX_VALUE)
	private String country;

	@ManyToMany(mappedBy = "favouriteProducts", fetch = FetchType.LAZY)
	private Set<Client> usersWhoFavourited = new HashSet<>();

}
