package dev.migrations.variants.followup;

import java.time.LocalDate;

import dev.migrations.sample.crm.Contact;
import dev.migrations.sample.crm.ContactEventStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A new table whose status column uses the PostgreSQL enum type {@code contacteventstatus} that events and
 * invitations already share: the revision for it must reuse the type, not create it again.
 */
@Entity
public class FollowUp {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne(optional = false)
	private Contact contact;

	@Column(nullable = false)
	private String note;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	private ContactEventStatus contactEventStatus;

	private LocalDate dueOn;

}
