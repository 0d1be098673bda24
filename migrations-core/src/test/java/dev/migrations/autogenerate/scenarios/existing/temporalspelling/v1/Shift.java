package dev.migrations.autogenerate.scenarios.existing.temporalspelling.v1;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * Hibernate writes timestamp(6), time(6), timestamp(6) with time zone and time(6) with time zone
 * (times have precision 0 unless asked).
 */
@Entity
public class Shift {

	@Id
	Long id;

	LocalDateTime startsAt;

	@Column(secondPrecision = 6)
	LocalTime opensAt;

	OffsetDateTime confirmedAt;

	Instant createdAt;

	@Column(secondPrecision = 6)
	@JdbcTypeCode(SqlTypes.TIME_WITH_TIMEZONE)
	OffsetTime closesAt;

}
