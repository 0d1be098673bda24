package dev.migrations.autogenerate.scenarios.enums.hibernatecreated.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
