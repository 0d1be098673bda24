package dev.migrations.autogenerate.scenarios.enums.comments.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Comment;

@Entity
public class Customer {

	@Id
	Long id;

	@Comment("shown on invoices")
	String name;

	String email;

}
