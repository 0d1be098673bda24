package dev.migrations.autogenerate.scenarios.enums.reusedtype.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class ContactEvent {

	@Id
	Long id;

	@ManyToOne
	Contact contact;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	ContactEventStatus contactEventStatus;

}
