package dev.migrations.autogenerate.scenarios.hibernate.everytype.v1;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Nationalized;
import org.hibernate.type.SqlTypes;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;

/** {@code columnDefinition}s with defaults, checks, collations, serials and identity; legacy temporal types; Hibernate Validator's own constraints. */
@Entity
@SuppressWarnings("deprecation") // @Temporal and java.util.Date, as legacy entities still map them
public class Widget {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Integer id;

	@Column(columnDefinition = "serial")
	Integer serialNo;

	@Version
	short version;

	@Column(columnDefinition = "bigserial")
	Long ticket;

	@Column(columnDefinition = "uuid default gen_random_uuid()")
	UUID token;

	@Column(columnDefinition = "timestamp default now()")
	LocalDateTime stamped;

	@Column(columnDefinition = "varchar(20) check (mode in ('a', 'b'))")
	String mode;

	@Column(columnDefinition = "varchar(20) COLLATE \"C\"")
	String collated;

	@Column(columnDefinition = "numeric")
	BigDecimal anyNumeric;

	@Column(columnDefinition = "DOUBLE PRECISION")
	Double upperDouble;

	@Column(columnDefinition = "int2")
	Short int2;

	@Column(columnDefinition = "character(3)")
	String code3;

	@Column(columnDefinition = "money")
	BigDecimal cash;

	@Column(columnDefinition = "json")
	String plainJson;

	@Column(columnDefinition = "integer generated always as identity")
	Integer seq;

	@Column(columnDefinition = "varchar(10) not null default 'x'")
	String defaulted;

	@Column(columnDefinition = "timestamptz(3)")
	Instant tz3;

	@Column(precision = 3)
	OffsetDateTime odt3;

	@Temporal(TemporalType.DATE)
	Date legacyDate;

	@Temporal(TemporalType.TIMESTAMP)
	Date legacyTimestamp;

	Calendar calendar;

	java.sql.Timestamp sqlTimestamp;

	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	String longText;

	@Nationalized
	String national;

	@JdbcTypeCode(SqlTypes.SQLXML)
	String xml;

	@Lob
	@Column(columnDefinition = "text")
	String lobAsText;

	@Length(max = 33)
	String hvLength;

	@Range(min = 1, max = 9)
	Integer hvRange;

	@Size(max = 15)
	@Column(columnDefinition = "text")
	String sizedText;

	@Digits(integer = 12, fraction = 0)
	BigInteger digitsBig;

	@Digits(integer = 5, fraction = 0)
	Long digitsLong;

	@Max(Long.MAX_VALUE)
	@Min(Long.MIN_VALUE)
	Long extremes;

	@DecimalMax("12.5")
	BigDecimal decMax;

	@NotEmpty
	String notEmpty;

	@NotNull
	@ManyToOne
	Gizmo gizmo;

}
