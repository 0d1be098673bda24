package dev.migrations.autogenerate.scenarios.enums.labeldependents.v4;

public enum DealCurrency {

	USD, EUR, GBP, CHF

}
