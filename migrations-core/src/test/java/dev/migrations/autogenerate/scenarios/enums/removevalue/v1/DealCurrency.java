package dev.migrations.autogenerate.scenarios.enums.removevalue.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
