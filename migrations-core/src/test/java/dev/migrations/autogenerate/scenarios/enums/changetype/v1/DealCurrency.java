package dev.migrations.autogenerate.scenarios.enums.changetype.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
