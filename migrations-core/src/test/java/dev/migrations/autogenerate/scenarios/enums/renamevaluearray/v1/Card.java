package dev.migrations.autogenerate.scenarios.enums.renamevaluearray.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A column of the enum type and one of an array of it, their defaults naming a label. */
@Entity
public class Card {

	@Id
	Long id;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	@ColumnDefault("'CLOSED'")
	Status status;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.ARRAY)
	@ColumnDefault("'{CLOSED}'")
	@Column(columnDefinition = "status[]")
	Status[] history;

}
