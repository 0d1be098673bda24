package dev.migrations.autogenerate.scenarios.domains.storefront.v2;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.MapKeyColumn;
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
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "products", indexes = { @Index(name = "ix_products_sku", columnList = "sku", unique = true), @Index(name = "ix_products_status", columnList = "status") })
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "product_type", discriminatorType = DiscriminatorType.STRING, length = 20)
@DiscriminatorValue("GENERIC")
public class Product {

	public enum Status { DRAFT, ACTIVE, ON_SALE, RETIRED }

	public enum Visibility { HIDDEN, CATALOG, SEARCH }

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "store_seq")
	@SequenceGenerator(name = "store_seq", sequenceName = "store_seq", allocationSize = 50)
	private Long id;

	@NotBlank
	@Size(max = 80)
	private String sku;

	@NotBlank
	@Size(min = 2, max = 150)
	private String name;

	@Digits(integer = 10, fraction = 2)
	@DecimalMin("0.00")
	@DecimalMax("99999999.99")
	@Column(precision = 12, scale = 2, nullable = false)
	private BigDecimal price;

	@PositiveOrZero
	private Integer stock;

	@Min(0)
	@Max(10)
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
	private String contactEmail;

	@Positive
	private Integer weightGrams;

	@ElementCollection
	@CollectionTable(name = "product_images", joinColumns = @JoinColumn(name = "product_id"))
	@Column(name = "url", length = 512)
	private List<String> images;

	@ElementCollection
	@CollectionTable(name = "product_regions", joinColumns = @JoinColumn(name = "product_id"))
	@Column(name = "region", length = 8)
	private Set<String> regions;

	@ElementCollection
	@CollectionTable(name = "product_translations", joinColumns = @JoinColumn(name = "product_id"))
	@MapKeyColumn(name = "locale", length = 10)
	@Column(name = "title", length = 200)
	private Map<String, String> translations;

}
