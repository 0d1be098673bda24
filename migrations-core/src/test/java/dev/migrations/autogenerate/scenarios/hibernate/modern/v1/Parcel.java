package dev.migrations.autogenerate.scenarios.hibernate.modern.v1;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.SecondaryTable;

import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.ConcreteProxy;
import org.hibernate.annotations.EmbeddedColumnNaming;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.SecondaryRow;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;
import org.hibernate.type.YesNoConverter;
import org.hibernate.type.NumericBooleanConverter;
import org.hibernate.type.TrueFalseConverter;

import dev.migrations.autogenerate.scenarios.hibernate.modern.Address;
import dev.migrations.autogenerate.scenarios.hibernate.modern.ParcelKey;

/** Mapping features of Hibernate 6 and 7 on one entity. */
@Entity
@IdClass(ParcelKey.class)
@SoftDelete(columnName = "removed", converter = YesNoConverter.class)
@SQLRestriction("weight > 0")
@ConcreteProxy
@SecondaryTable(name = "parcel_customs")
@SecondaryRow(table = "parcel_customs", optional = false)
public class Parcel {

	@Id
	String carrier;

	@Id
	Long number;

	Year season;

	YearMonth billingMonth;

	Duration transit;

	@ColumnTransformer(write = "upper(?)")
	String code;

	@Column(table = "parcel_customs")
	String hsCode;

	@Embedded
	@EmbeddedColumnNaming("from_%s")
	Address origin;

	@Check(constraints = "weight >= 0")
	Integer weight;

	List<String> labels;

	@TimeZoneStorage(TimeZoneStorageType.COLUMN)
	OffsetDateTime pickedUpAt;

}
