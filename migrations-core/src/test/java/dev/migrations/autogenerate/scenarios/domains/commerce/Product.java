package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.math.BigDecimal;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyJoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;

import org.hibernate.type.YesNoConverter;

@Entity
@Table(name = "blc_product", indexes = { @Index(name = "product_url_index", columnList = "url, url_key"),
		@Index(name = "product_category_index", columnList = "default_category_id") })
@Inheritance(strategy = InheritanceType.JOINED)
public class Product {

	@Id
	@GeneratedValue(generator = "ProductId")
	@TableGenerator(name = "ProductId", table = "sequence_generator", pkColumnName = "id_name",
			valueColumnName = "id_val", pkColumnValue = "ProductImpl", allocationSize = 50)
	@Column(name = "product_id")
	private Long id;

	@Column(name = "url")
	private String url;

	@Column(name = "url_key")
	private String urlKey;

	@Column(name = "manufacture")
	private String manufacturer;

	@Column(name = "model")
	private String model;

	@Column(name = "archived")
	private Character archiveStatus;

	@Column(name = "can_sell_without_options")
	@Convert(converter = YesNoConverter.class)
	private Boolean canSellWithoutOptions;

	@Column(name = "status", length = 1)
	@Convert(converter = StatusConverter.class)
	private Status status;

	@Column(name = "tags", length = 1000)
	@Convert(converter = TagsConverter.class)
	private Set<String> tags;

	@Column(name = "weight", precision = 19, scale = 2)
	private BigDecimal weight;

	@Temporal(TemporalType.TIMESTAMP)
	@Column(name = "active_start_date")
	private Date activeStartDate;

	@Temporal(TemporalType.TIME)
	@Column(name = "cutoff_time")
	private Date cutoffTime;

	@ManyToOne
	@JoinColumn(name = "default_category_id")
	private Category defaultCategory;

	@ElementCollection
	@CollectionTable(name = "blc_product_attribute", joinColumns = @JoinColumn(name = "product_id"))
	@MapKeyColumn(name = "name", length = 100)
	@Column(name = "value")
	private Map<String, String> attributes = new HashMap<>();

	@ManyToMany
	@JoinTable(name = "blc_product_featured", joinColumns = @JoinColumn(name = "product_id"),
			inverseJoinColumns = @JoinColumn(name = "featured_product_id"))
	@MapKeyJoinColumn(name = "category_id")
	private Map<Category, Product> featuredByCategory = new HashMap<>();

}
