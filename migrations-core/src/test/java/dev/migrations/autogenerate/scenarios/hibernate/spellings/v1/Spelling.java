package dev.migrations.autogenerate.scenarios.hibernate.spellings.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
/** Every column written as a {@code columnDefinition} in one of the server's spellings of its type. */
public class Spelling {

	@Id
	@Column(columnDefinition = "int8")
	Long id;

	@Column(columnDefinition = "VARCHAR(20)")
	String v20;

	@Column(columnDefinition = "numeric(10,2)")
	BigDecimal n102;

	@Column(columnDefinition = "TEXT")
	String txt;

	@Column(columnDefinition = "float4")
	Float f4;

	@Column(columnDefinition = "timestamp")
	LocalDateTime ts;

	@Column(columnDefinition = "timestamptz")
	Instant tstz;

	@Column(columnDefinition = "bpchar(1)")
	Character ch;

	@Column(columnDefinition = "double precision")
	Double dbl;

	@Column(columnDefinition = "bool")
	Boolean flag;

	@Column(columnDefinition = "uuid")
	UUID uid;

	@Column(columnDefinition = "integer[]")
	int[] ints;

	@Column(columnDefinition = "varchar(255)[]")
	String[] strings;

	@Column(columnDefinition = "jsonb")
	String json;

	@Column(columnDefinition = "numeric(38, 0)")
	java.math.BigInteger bigint;

	@Column(columnDefinition = "time")
	LocalTime plainTime;

	@Column(columnDefinition = "timetz")
	OffsetTime tz;

	@Column(columnDefinition = "smallint")
	Short small;

	@Column(columnDefinition = "bytea")
	byte[] data;

	@Column(columnDefinition = "oid")
	java.sql.Blob blob;

	@Column(columnDefinition = "inet")
	String ip;

	@Column(columnDefinition = "interval second(6)")
	java.time.Duration dur;

}
