package dev.migrations.autogenerate.scenarios.enums.addvalueused.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
