package dev.migrations.autogenerate.scenarios.apps.realestate.v1;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.migrations.autogenerate.scenarios.apps.realestate.PropertyType;

@Entity
@Table(name = "property")
public class Property implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "title", nullable = false)
	String title;

	@NotNull
	@Digits(integer = 12, fraction = 2)
	@Column(name = "price", nullable = false)
	BigDecimal price;

	@DecimalMin(value = "0.0")
	@Column(name = "area")
	Double area;

	@Min(1)
	@Max(50)
	@Column(name = "rooms")
	Integer rooms;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "type", nullable = false)
	PropertyType type;

	@Column(name = "available_from")
	LocalDate availableFrom;

}
