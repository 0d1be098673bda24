package dev.migrations.autogenerate.scenarios.enums.removevalue.v2;

public enum DealCurrency {

	USD, EUR, GBP

}
