package dev.migrations.autogenerate.scenarios.enums.newtable.v2;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
