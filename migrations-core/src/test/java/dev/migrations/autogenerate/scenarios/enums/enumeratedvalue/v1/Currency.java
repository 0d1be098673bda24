package dev.migrations.autogenerate.scenarios.enums.enumeratedvalue.v1;

import jakarta.persistence.EnumeratedValue;

/** Stored by code, not by constant name. */
public enum Currency {

	US_DOLLAR("usd"), EURO("eur");

	@EnumeratedValue
	final String code;

	Currency(String code) {
		this.code = code;
	}

}
