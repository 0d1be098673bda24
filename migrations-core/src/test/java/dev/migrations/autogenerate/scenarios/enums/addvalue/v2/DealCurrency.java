package dev.migrations.autogenerate.scenarios.enums.addvalue.v2;

public enum DealCurrency {

	USD, EUR, AED, GBP, BTC

}
