package dev.migrations.autogenerate.scenarios.enums.droptype.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
