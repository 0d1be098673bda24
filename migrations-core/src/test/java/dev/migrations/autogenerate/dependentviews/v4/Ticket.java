package dev.migrations.autogenerate.dependentviews.v4;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A ticket whose title a hand-written view reads. */
@Entity
public class Ticket {

	@Id
	Long id;

	@Column(length = 50, nullable = false)
	String title;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	Status status;

}
