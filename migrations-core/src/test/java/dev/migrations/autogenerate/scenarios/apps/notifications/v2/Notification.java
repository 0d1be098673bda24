package dev.migrations.autogenerate.scenarios.apps.notifications.v2;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@Entity
@Table(name = "notification")
public class Notification implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "date", nullable = false)
	Instant date;

	@Column(name = "details")
	String details;

	@NotNull
	@Column(name = "sent_date", nullable = false)
	Instant sentDate;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "format", nullable = false)
	NotificationType format;

	@NotNull
	@Column(name = "user_id", nullable = false)
	Long userId;

	@NotNull
	@Column(name = "product_id", nullable = false)
	Long productId;

	@Min(1)
	@Column(name = "retries")
	Integer retries;

}
