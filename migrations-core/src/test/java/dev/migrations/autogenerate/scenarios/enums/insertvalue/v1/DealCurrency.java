package dev.migrations.autogenerate.scenarios.enums.insertvalue.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
