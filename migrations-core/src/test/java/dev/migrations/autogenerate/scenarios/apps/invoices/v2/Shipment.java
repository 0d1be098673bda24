package dev.migrations.autogenerate.scenarios.apps.invoices.v2;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

@Entity
@Table(name = "shipment")
public class Shipment implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@Column(name = "tracking_code")
	String trackingCode;

	@NotNull
	@Column(name = "date", nullable = false)
	Instant date;

	@Column(name = "details")
	String details;

	@ManyToOne(optional = false)
	@NotNull
	Invoice invoice;

}
