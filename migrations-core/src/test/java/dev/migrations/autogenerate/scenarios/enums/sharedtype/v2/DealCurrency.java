package dev.migrations.autogenerate.scenarios.enums.sharedtype.v2;

public enum DealCurrency {

	USD, EUR, AED, GBP, BTC

}
