package dev.migrations.autogenerate.scenarios.domains.kogito;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;

import tools.jackson.databind.JsonNode;

/** Kogito jobs service's {@code JobDetailsEntity}: offset date-times, converted JSON without a column definition. */
@Entity
@Table(name = "job_details", indexes = { @Index(name = "job_details_fire_time_idx", columnList = "fire_time"),
		@Index(name = "job_details_created_idx", columnList = "created") })
public class JobDetailsEntity {

	@Id
	private String id;

	@Column(name = "correlation_id")
	private String correlationId;

	private String status;

	@Column(name = "last_update")
	@Temporal(TemporalType.TIMESTAMP)
	private OffsetDateTime lastUpdate;

	private Integer retries;

	@Column(name = "execution_counter")
	private Integer executionCounter;

	@Column(name = "scheduled_id")
	private String scheduledId;

	private Integer priority;

	@Convert(converter = JsonBinaryConverter.class)
	private JsonNode recipient;

	@Convert(converter = JsonBinaryConverter.class)
	private JsonNode trigger;

	@Column(name = "fire_time")
	@Temporal(TemporalType.TIMESTAMP)
	private OffsetDateTime fireTime;

	@Column(name = "execution_timeout")
	private Long executionTimeout;

	@Column(name = "execution_timeout_unit")
	private String executionTimeoutUnit;

	@Temporal(TemporalType.TIMESTAMP)
	private OffsetDateTime created;

	@Column(name = "exception_message")
	private String exceptionMessage;

	@Column(name = "exception_details", columnDefinition = "TEXT")
	private String exceptionDetails;

}
