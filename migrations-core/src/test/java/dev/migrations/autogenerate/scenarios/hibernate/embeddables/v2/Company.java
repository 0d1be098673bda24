package dev.migrations.autogenerate.scenarios.hibernate.embeddables.v2;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.migrations.autogenerate.scenarios.hibernate.embeddables.Address;

@Entity
public class Company {

	@Id
	Long id;

	String name;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "street", column = @Column(name = "hq_street", length = 80)),
			@AttributeOverride(name = "postalCode", column = @Column(name = "hq_postal_code")),
			@AttributeOverride(name = "city", column = @Column(name = "hq_city", nullable = false)),
			@AttributeOverride(name = "location.latitude", column = @Column(name = "hq_lat")),
			@AttributeOverride(name = "location.longitude", column = @Column(name = "hq_lng")) })
	Address headquarters;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "street", column = @Column(name = "ship_street")),
			@AttributeOverride(name = "postalCode", column = @Column(name = "ship_postal_code", length = 12)),
			@AttributeOverride(name = "city", column = @Column(name = "ship_city")),
			@AttributeOverride(name = "location.latitude", column = @Column(name = "ship_lat")),
			@AttributeOverride(name = "location.longitude", column = @Column(name = "ship_lng")) })
	Address shipping;

}
