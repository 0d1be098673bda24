package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

/** A client's access level, with its favourite products through a join table. */
@Entity
@DiscriminatorValue("CLIENT")
@Table(name = "CLIENTS")
public class Client extends AccessLevel {

	@ManyToMany
	@JoinTable(name = "USER_FAVOURITE_PRODUCTS", joinColumns = @JoinColumn(name = "CLIENT_ID"),
			inverseJoinColumns = @JoinColumn(name = "PRODUCT_ID"))
	private Set<Product> favouriteProducts = new HashSet<>();

}
