package dev.migrations.autogenerate.scenarios.enums.varchartoenum.v2;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
