package dev.migrations.autogenerate.scenarios.enums.ordinal.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Ticket {

	@Id
	Long id;

	String subject;

	@Enumerated(EnumType.ORDINAL)
	@JdbcTypeCode(SqlTypes.NAMED_ORDINAL_ENUM)
	Priority priority;

}
