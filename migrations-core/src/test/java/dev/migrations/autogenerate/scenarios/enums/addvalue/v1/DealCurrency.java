package dev.migrations.autogenerate.scenarios.enums.addvalue.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
