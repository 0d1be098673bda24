package dev.migrations.autogenerate.scenarios.enums.labeldependents.v3;

public enum DealCurrency {

	USD, EUR, GBP, CHF

}
