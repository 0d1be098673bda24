package dev.migrations.autogenerate.scenarios.hibernate.jsonembeddable.v2;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.migrations.autogenerate.scenarios.hibernate.jsonembeddable.Preferences;

/** The embeddable stored as one JSON document, as Hibernate 7 maps an aggregate embeddable. */
@Entity
public class Subscriber {

	@Id
	Long id;

	String email;

	@Embedded
	@JdbcTypeCode(SqlTypes.JSON)
	Preferences preferences;

}
