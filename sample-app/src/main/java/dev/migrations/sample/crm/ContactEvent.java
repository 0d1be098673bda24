package dev.migrations.sample.crm;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something that happened with a contact: a meeting, a call. */
@Entity
public class ContactEvent {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne(optional = false)
	private Contact contact;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.NAMED_ENUM)
	private ContactEventStatus contactEventStatus;

	private Instant happenedAt;

	protected ContactEvent() {
	}

	public ContactEvent(Contact contact, String name, ContactEventStatus status) {
		this.contact = contact;
		this.name = name;
		this.contactEventStatus = status;
	}

	public Long getId() {
		return this.id;
	}

	public Contact getContact() {
		return this.contact;
	}

	public String getName() {
		return this.name;
	}

	public ContactEventStatus getContactEventStatus() {
		return this.contactEventStatus;
	}

}
