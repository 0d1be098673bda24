package dev.migrations.autogenerate.scenarios.domains.commerce.v1;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import dev.migrations.autogenerate.scenarios.domains.commerce.Address;
import dev.migrations.autogenerate.scenarios.domains.commerce.Money;

@Entity
@Table(name = "blc_store", uniqueConstraints = @UniqueConstraint(name = "uk_store_name", columnNames = "store_name"))
public class Store {

	@Id
	@GeneratedValue
	@Column(name = "store_id")
	private Long id;

	@Column(name = "store_name", nullable = false)
	private String name;

	@Column(name = "store_number", unique = true, length = 20)
	private String storeNumber;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "line1", column = @Column(name = "street", length = 120)),
			@AttributeOverride(name = "location.latitude", column = @Column(name = "lat")),
			@AttributeOverride(name = "location.longitude", column = @Column(name = "lng")) })
	private Address address;

	@Embedded
	@AttributeOverrides({ @AttributeOverride(name = "amount", column = @Column(name = "min_order_amount", precision = 12, scale = 2)),
			@AttributeOverride(name = "currency", column = @Column(name = "min_order_currency", columnDefinition = "char(3)")) })
	private Money minimumOrder;

}
