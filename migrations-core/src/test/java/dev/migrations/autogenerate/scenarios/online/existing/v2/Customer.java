package dev.migrations.autogenerate.scenarios.online.existing.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** v2: the index moves from name to email, note becomes required. */
@Entity
@Table(indexes = @Index(name = "ix_customer_email", columnList = "email"))
public class Customer {

	@Id
	Long id;

	String name;

	String email;

	@Column(nullable = false)
	String note;

}
