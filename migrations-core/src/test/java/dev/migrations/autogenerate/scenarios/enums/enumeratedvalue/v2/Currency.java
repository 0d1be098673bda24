package dev.migrations.autogenerate.scenarios.enums.enumeratedvalue.v2;

import jakarta.persistence.EnumeratedValue;

/** Stored by code, not by constant name. */
public enum Currency {

	US_DOLLAR("usd"), POUND("gbp"), EURO("eur");

	@EnumeratedValue
	final String code;

	Currency(String code) {
		this.code = code;
	}

}
