package dev.migrations.autogenerate.scenarios.enums.addvalueused.v2;

public enum DealCurrency {

	USD, EUR, AED, GBP, BTC

}
