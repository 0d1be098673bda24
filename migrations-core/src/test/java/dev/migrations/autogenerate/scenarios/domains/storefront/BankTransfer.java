package dev.migrations.autogenerate.scenarios.domains.storefront;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Entity
@DiscriminatorValue("TRANSFER")
public class BankTransfer extends Payment {

	@NotBlank
	@Size(max = 34)
	private String iban;

}
