package dev.migrations.autogenerate.dependentviews.v6;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A ticket whose status defaults to a label added in the same change. */
@Entity
public class Ticket {

	@Id
	Long id;

	@Column(length = 50, nullable = false)
	String title;

	@ColumnDefault("'ARCHIVED'")
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	Status status;

	Integer priority;

}
