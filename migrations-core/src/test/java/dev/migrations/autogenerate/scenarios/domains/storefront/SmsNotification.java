package dev.migrations.autogenerate.scenarios.domains.storefront;

import jakarta.persistence.Entity;
import jakarta.validation.constraints.Pattern;

@Entity
public class SmsNotification extends Notification {

	@Pattern(regexp = "\\+[0-9]{6,15}")
	private String phone;

}
