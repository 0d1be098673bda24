package dev.migrations.autogenerate.scenarios.hibernate.shipping.v2;

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
@Table(name = "shipment", comment = "Shipments sent out", uniqueConstraints = @UniqueConstraint(columnNames = { "carrier", "tracking" }))
@Check(name = "shipment_weight_positive", constraints = "weight_grams >= 10")
public class Shipment {

	public enum Status { NEW, SENT, DELIVERED, LOST }

	public enum Priority { LOW, NORMAL, HIGH, URGENT }

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_seq")
	@SequenceGenerator(name = "shipment_seq", sequenceName = "shipment_seq", allocationSize = 50, initialValue = 1000)
	Long id;

	@Version
	Long version;

	@NaturalId
	@Column(length = 40)
	String tracking;

	@Column(comment = "carrier")
	String carrier;

	@Check(constraints = "weight_grams < 2000000")
	int weightGrams;

	@ColumnDefault("'new'")
	String state;

	@ColumnDefault("1")
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

	@TimeZoneStorage(TimeZoneStorageType.COLUMN)
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

	String added;

	BigDecimal declaredValue;

	BigInteger bigCount;

	@Column(columnDefinition = "VARCHAR(255) DEFAULT 'x' NOT NULL")
	String code;

	@Column(columnDefinition = "text")
	String notes;

	@Column(columnDefinition = "numeric(12, 2)")
	BigDecimal fee;

	@Column(columnDefinition = "  Varchar(40)  ")
	String spaced;

	@Column(columnDefinition = "timestamp with time zone")
	Instant tz;

	@Column(columnDefinition = "integer DEFAULT 6")
	Integer five;

	@Enumerated(EnumType.STRING)
	Status status;

	@Enumerated(EnumType.ORDINAL)
	Priority priority;

	@Email
	String email;

	@Pattern(regexp = "[A-Z]+")
	String pattern;

	@Digits(integer = 8, fraction = 3)
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

	@Size(min = 2, max = 40)
	String sized;

	@Min(1)
	@Max(10)
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
