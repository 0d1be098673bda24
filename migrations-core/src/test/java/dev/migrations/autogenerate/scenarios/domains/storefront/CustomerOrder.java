package dev.migrations.autogenerate.scenarios.domains.storefront;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.SQLRestriction;

@Entity
@Table(name = "orders", indexes = { @Index(name = "ix_orders_status_placed", columnList = "status, placed_at DESC") })
@SQLRestriction("deleted_at is null")
public class CustomerOrder {

	public enum Status { NEW, PAID, SHIPPED, CANCELLED }

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_seq")
	@SequenceGenerator(name = "order_seq", sequenceName = "order_number_seq", initialValue = 1000, allocationSize = 1)
	private Long id;

	@NaturalId
	@Column(length = 20)
	private String orderNumber;

	@Valid
	@NotNull
	@Embedded
	private Address shippingAddress;

	@Embedded
	@AttributeOverride(name = "street", column = @Column(name = "billing_street", length = 200))
	@AttributeOverride(name = "city", column = @Column(name = "billing_city"))
	@AttributeOverride(name = "postalCode", column = @Column(name = "billing_postal_code", length = 10))
	@AttributeOverride(name = "countryCode", column = @Column(name = "billing_country", length = 2))
	@AttributeOverride(name = "geo.latitude", column = @Column(name = "billing_lat"))
	@AttributeOverride(name = "geo.longitude", column = @Column(name = "billing_lon"))
	private Address billingAddress;

	@ElementCollection
	@CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLine> lines;

	@ElementCollection
	@CollectionTable(name = "order_attributes", joinColumns = @JoinColumn(name = "order_id"))
	@MapKeyColumn(name = "attr_key", length = 64)
	@Column(name = "attr_value", length = 512)
	private Map<String, String> attributes;

	@ElementCollection
	@CollectionTable(name = "order_notes")
	@OrderColumn
	@Column(columnDefinition = "text")
	private List<String> notes;

	@Enumerated(EnumType.STRING)
	@Column(length = 16, nullable = false)
	private Status status;

	private Instant placedAt;

	private Instant deletedAt;

	@ManyToMany
	@JoinTable(name = "order_coupons", joinColumns = @JoinColumn(name = "order_id"),
			inverseJoinColumns = @JoinColumn(name = "coupon_id"),
			uniqueConstraints = @UniqueConstraint(columnNames = { "order_id", "coupon_id" }))
	private Set<Coupon> coupons;

	@Version
	private Integer version;

}
