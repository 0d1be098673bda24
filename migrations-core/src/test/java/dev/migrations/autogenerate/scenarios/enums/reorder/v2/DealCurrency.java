package dev.migrations.autogenerate.scenarios.enums.reorder.v2;

public enum DealCurrency {

	GBP, EUR, USD, AED

}
