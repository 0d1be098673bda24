package dev.migrations.autogenerate.scenarios.enums.changetype.v2;

/** The enum of v1 renamed, with one label more. */
public enum Currency {

	USD, EUR, AED, GBP, BTC

}
