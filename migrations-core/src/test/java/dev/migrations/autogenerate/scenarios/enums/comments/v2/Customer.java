package dev.migrations.autogenerate.scenarios.enums.comments.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Comment;

/** Hibernate copies {@code @Comment} text into its DDL as it is, so a quote is written doubled. */
@Entity
@Comment("people who buy; it''s the billing party")
public class Customer {

	@Id
	Long id;

	@Comment("legal name, shown on invoices")
	String name;

	@Comment("where invoices go")
	String email;

}
