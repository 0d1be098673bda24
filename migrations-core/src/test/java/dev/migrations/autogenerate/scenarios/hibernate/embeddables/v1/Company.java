package dev.migrations.autogenerate.scenarios.hibernate.embeddables.v1;

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

}
