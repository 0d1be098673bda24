package dev.migrations.autogenerate.scenarios.enums.sharedtype.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
