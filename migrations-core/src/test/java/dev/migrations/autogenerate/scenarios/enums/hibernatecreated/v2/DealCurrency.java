package dev.migrations.autogenerate.scenarios.enums.hibernatecreated.v2;

public enum DealCurrency {

	USD, EUR, AED, GBP, BTC

}
