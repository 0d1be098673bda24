package dev.migrations.autogenerate.handmade.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * Columns of types and defaults that a hand-written revision created in the schema: a domain, an
 * enum type and a sequence.
 */
@Entity
public class Customer {

	@Id
	Long id;

	@Column(columnDefinition = "email_address")
	String email;

	@Column(columnDefinition = "bigint default nextval('customer_number_seq')")
	Long number;

	@Column(columnDefinition = "mood")
	String mood;

}
