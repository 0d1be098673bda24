package dev.migrations.autogenerate.scenarios.hibernate.everytype.v2;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.Array;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.migrations.autogenerate.scenarios.hibernate.everytype.CsvConverter;
import dev.migrations.autogenerate.scenarios.hibernate.everytype.Dimensions;
import dev.migrations.autogenerate.scenarios.hibernate.everytype.Kind;
import dev.migrations.autogenerate.scenarios.hibernate.everytype.KindCodeConverter;
import dev.migrations.autogenerate.scenarios.hibernate.everytype.Part;

/** The column types and mapping features of a real application, each in one column. */
@Entity
@Table(name = "gizmo", indexes = @Index(name = "ix_gizmo_serial", columnList = "serial"))
public class Gizmo {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	UUID id;

	@Version
	Instant version;

	@Column(unique = true, length = 80)
	String serial;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> attributes;

	@JdbcTypeCode(SqlTypes.JSON)
	Dimensions dimensions;

	@JdbcTypeCode(SqlTypes.JSON)
	List<String> jsonList;

	@JdbcTypeCode(SqlTypes.ARRAY)
	List<String> tagList;

	String[] names;

	long[] counts;

	Integer[] boxedCounts;

	long[] longs;

	@Array(length = 5)
	String[] shortArray;

	UUID[] uuids;

	@Column(length = 45)
	String address;

	Duration duration;

	@JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
	Duration interval;

	Year year;

	ZonedDateTime zoned;

	OffsetDateTime offsetAt;

	Instant instant;

	@Column(precision = 3)
	LocalDateTime millis;

	@Column(precision = 6)
	LocalTime localTime;

	OffsetTime offsetTime;

	@Column(columnDefinition = "text")
	String lobText;

	@Lob
	byte[] lobBytes;

	byte[] bytes;

	@Column(length = 1)
	String letter;

	Character boxedLetter;

	double realValue;

	double dbl;

	@Column(precision = 10, scale = 4)
	BigDecimal boxedReal;

	@Column(precision = 10)
	Double lowPrecision;

	BigInteger plainDecimal;

	@Column(precision = 12, scale = 2)
	BigDecimal money;

	@Column(precision = 12, scale = 2)
	BigDecimal wholeDecimal;

	Long big;

	@Column(precision = 20)
	BigInteger bigTwenty;

	@Enumerated(EnumType.STRING)
	Kind kindString;

	@Enumerated(EnumType.ORDINAL)
	Kind kindOrdinal;

	@Enumerated(EnumType.STRING)
	@Column(length = 20)
	Kind kindShort;

	@Convert(converter = CsvConverter.class)
	List<String> csv;

	@Convert(converter = KindCodeConverter.class)
	Kind kindCode;

	@ColumnDefault("0")
	@Generated
	Integer serverCounter;

	@Column(columnDefinition = "int8")
	Long int4;

	@Column(columnDefinition = "timestamptz")
	Instant tstz;

	@Column(columnDefinition = "decimal(10, 2)")
	BigDecimal dec;

	@Column(columnDefinition = "text")
	String cv;

	@Column(columnDefinition = "float8")
	Double f8;

	@Column(columnDefinition = "bool default false")
	Boolean flag;

		String rawJson;

	@Column(columnDefinition = "text[]")
	String[] textArray;

	@Column(columnDefinition = "TIMESTAMP(3)  WITHOUT TIME ZONE")
	LocalDateTime ts3;

	@Column(columnDefinition = "interval")
	Duration pgInterval;

	String required;

	@Size(min = 1, max = 100)
	String sized;

	@Min(0)
	@Max(200)
	Long percent;

	@Digits(integer = 6, fraction = 2)
	BigDecimal digits;

	@Positive
	Long positive;

	@Email
	@Size(max = 120)
	String email;

	@Pattern(regexp = "[a-z]+")
	String slug;

	@ElementCollection
	@CollectionTable(name = "gizmo_kind")
	@Enumerated(EnumType.STRING)
	Set<Kind> kinds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "gizmo_ordinal_kind")
	Set<Kind> ordinalKinds = new HashSet<>();

	@ElementCollection
	@CollectionTable(name = "gizmo_part")
	List<Part> parts = new ArrayList<>();

}
