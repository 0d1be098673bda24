package dev.migrations.autogenerate.scenarios.apps.store.v2;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;

@Entity
@Table(name = "product")
public class Product implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "name", nullable = false)
	String name;

	@Column(name = "description")
	String description;

	@NotNull
	@DecimalMin(value = "0")
	@Column(name = "price", precision = 21, scale = 2, nullable = false)
	BigDecimal price;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "product_size", nullable = false)
	ProductSize productSize;

	@Lob
	@Column(name = "image")
	byte[] image;

	@Column(name = "image_content_type")
	String imageContentType;

	@ManyToOne(fetch = FetchType.LAZY)
	ProductCategory productCategory;

}
