package dev.migrations.autogenerate.scenarios.enums.labeldependents.v1;

public enum DealCurrency {

	USD, EUR, AED, GBP

}
