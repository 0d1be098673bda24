package dev.migrations.autogenerate.scenarios.columns.autoquote.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reserved table name left to {@code hibernate.auto_quote_keyword}. */
@Entity
@Table(name = "user")
public class User {

	@Id
	@GeneratedValue
	Long id;

	String login;

}
