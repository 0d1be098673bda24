package dev.migrations.autogenerate.scenarios.enums.reorder.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
