package dev.migrations.autogenerate.scenarios.domains.storefront.v1;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "products", indexes = { @Index(name = "ix_products_sku", columnList = "sku", unique = true) })
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "product_type", discriminatorType = DiscriminatorType.STRING, length = 20)
@DiscriminatorValue("GENERIC")
public class Product {

	public enum Status { DRAFT, ACTIVE, RETIRED }

	public enum Visibility { HIDDEN, CATALOG }

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "store_seq")
	@SequenceGenerator(name = "store_seq", sequenceName = "store_seq", allocationSize = 50)
	private Long id;

	@NotBlank
	@Size(max = 64)
	private String sku;

	@NotBlank
	@Size(min = 2, max = 200)
	private String name;

	@Digits(integer = 10, fraction = 2)
	@DecimalMin("0.00")
	@DecimalMax("99999999.99")
	@Column(precision = 12, scale = 2, nullable = false)
	private BigDecimal price;

	@PositiveOrZero
	private Integer stock;

	@Min(0)
	@Max(5)
	private Integer rating;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Status status;

	@Enumerated(EnumType.ORDINAL)
	private Visibility visibility;

	@ColumnDefault("true")
	private Boolean active;

	@Formula("price * 1.2")
	private BigDecimal priceWithTax;

	@JdbcTypeCode(SqlTypes.JSON)
	private Map<String, Object> attributes;

	@JdbcTypeCode(SqlTypes.ARRAY)
	private String[] keywords;

	private List<Integer> bundleSizes;

	@Lob
	private String description;

	@Pattern(regexp = "[A-Z]{3}")
	@Size(min = 3, max = 3)
	@Column(length = 3)
	private String currency;

	@Email
	private String supportEmail;

	@Column(columnDefinition = "text")
	private String internalNotes;

}
