package dev.migrations.autogenerate.scenarios.enums.notnullenum.v2;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
