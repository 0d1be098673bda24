package dev.migrations.sample.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An invitation to an event; its status uses the same PostgreSQL enum type as the event's. */
@Entity
public class Invitation {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne(optional = false)
	private ContactEvent event;

	@Column(nullable = false)
	private String email;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	private ContactEventStatus contactEventStatus;

	protected Invitation() {
	}

	public Invitation(ContactEvent event, String email, ContactEventStatus status) {
		this.event = event;
		this.email = email;
		this.contactEventStatus = status;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public ContactEventStatus getContactEventStatus() {
		return this.contactEventStatus;
	}

}
