package dev.migrations.autogenerate.scenarios.enums.varchartoenum.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
