package dev.migrations.autogenerate.scenarios.hibernate.spellings.v2;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
/** The same columns as the mapping makes them, without a {@code columnDefinition}. */
public class Spelling {

	@Id
	Long id;

	@Column(length = 20)
	String v20;

	@Column(precision = 10, scale = 2)
	BigDecimal n102;

	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	String txt;

	Float f4;

	LocalDateTime ts;

	Instant tstz;

	Character ch;

	Double dbl;

	Boolean flag;

	UUID uid;

	List<Integer> ints;

	@JdbcTypeCode(SqlTypes.ARRAY)
	List<String> strings;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> json;

	java.math.BigInteger bigint;

	@Column(columnDefinition = "time without time zone")
	LocalTime plainTime;

	@Column(columnDefinition = "time with time zone")
	OffsetTime tz;

	Short small;

	byte[] data;

	@Lob
	byte[] blob;

	@JdbcTypeCode(SqlTypes.INET)
	String ip;

	@JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
	Duration dur;

}
