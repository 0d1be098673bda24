package dev.migrations.autogenerate.scenarios.enums.droppedusage;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The invoice of {@code sharedtype.v1} without its currency. */
@Entity
public class Invoice {

	@Id
	Long id;

	BigDecimal amount;

}
