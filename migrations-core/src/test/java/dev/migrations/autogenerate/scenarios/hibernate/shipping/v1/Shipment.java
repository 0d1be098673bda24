package dev.migrations.autogenerate.scenarios.hibernate.shipping.v1;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;
import org.hibernate.type.SqlTypes;

/** What a Spring team's entity carries: comments, checks, defaults, Hibernate types, column definitions, validation. */
@Entity
@Table(name = "shipment", comment = "Shipments sent", uniqueConstraints = @UniqueConstraint(columnNames = { "carrier", "tracking" }))
@Check(name = "shipment_weight_positive", constraints = "weight_grams > 0")
public class Shipment {

	public enum Status { NEW, SENT, DELIVERED }

	public enum Priority { LOW, NORMAL, HIGH }

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_seq")
	@SequenceGenerator(name = "shipment_seq", sequenceName = "shipment_seq", allocationSize = 1, initialValue = 1000)
	Long id;

	@Version
	Integer version;

	@NaturalId
	@Column(length = 40)
	String tracking;

	@Column(comment = "carrier code")
	String carrier;

	@Check(constraints = "weight_grams < 1000000")
	int weightGrams;

	@ColumnDefault("'draft'")
	String state;

	@ColumnDefault("0")
	int attempts;

	@ColumnDefault("true")
	Boolean insured;

	@Formula("weight_grams / 1000.0")
	Double weightKg;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> meta;

	@JdbcTypeCode(SqlTypes.ARRAY)
	String[] labels;

	@JdbcTypeCode(SqlTypes.INET)
	String senderIp;

	@JdbcTypeCode(SqlTypes.UUID)
	UUID correlation;

	@TimeZoneStorage(TimeZoneStorageType.NORMALIZE_UTC)
	OffsetDateTime shippedAt;

	@TimeZoneStorage(TimeZoneStorageType.COLUMN)
	ZonedDateTime pickupAt;

	OffsetDateTime createdAt;

	OffsetTime cutoff;

	Instant deliveredAt;

	Duration transit;

	Year season;

	MonthDay anniversary;

	ZoneId zone;

	ZoneOffset zoneOffset;

	Locale locale;

	Currency currency;

	@Lob
	String manifest;

	@Lob
	byte[] label;

	char grade;

	Character flag;

	BigDecimal declaredValue;

	BigInteger bigCount;

	@Column(columnDefinition = "varchar(255) default 'x' not null")
	String code;

	@Column(columnDefinition = "TEXT")
	String notes;

	@Column(columnDefinition = "numeric(10, 2)")
	BigDecimal fee;

	@Column(columnDefinition = "  Varchar(40)  ")
	String spaced;

	@Column(columnDefinition = "timestamp with time zone")
	Instant tz;

	@Column(columnDefinition = "int default 5")
	Integer five;

	@Enumerated(EnumType.STRING)
	Status status;

	@Enumerated(EnumType.ORDINAL)
	Priority priority;

	@Email
	String email;

	@Pattern(regexp = "[A-Z]+")
	String pattern;

	@Digits(integer = 6, fraction = 3)
	BigDecimal digits;

	@Positive
	Integer positive;

	@PositiveOrZero
	Long positiveOrZero;

	@Negative
	Short negative;

	@DecimalMin(value = "0.5", inclusive = false)
	@DecimalMax(value = "99.5", inclusive = false)
	BigDecimal ratio;

	@DecimalMin("1")
	@DecimalMax("10")
	Integer decimalBounded;

	@NotBlank
	String required;

	@Size(min = 2, max = 30)
	String sized;

	@Min(1)
	@Max(5)
	byte stars;

	@Past
	Instant past;

	@ElementCollection
	@OrderColumn
	@Size(max = 10)
	List<String> notesList = new ArrayList<>();

	@ManyToMany
	@JoinTable(name = "shipment_tag", joinColumns = @JoinColumn(name = "shipment_id"),
			inverseJoinColumns = @JoinColumn(name = "tag_id"),
			uniqueConstraints = @UniqueConstraint(name = "uk_shipment_tag", columnNames = { "shipment_id", "tag_id" }))
	@Size(max = 5)
	Set<Tag> tags = new HashSet<>();

}
