package dev.migrations.autogenerate.scenarios.enums.shadowedtype.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
