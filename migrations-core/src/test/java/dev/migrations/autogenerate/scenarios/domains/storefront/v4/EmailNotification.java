package dev.migrations.autogenerate.scenarios.domains.storefront.v4;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;

@Entity
public class EmailNotification extends Notification {

	@Email
	@NotNull
	private String recipient;

	private String subject;

}
