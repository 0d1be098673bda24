package dev.migrations.autogenerate.scenarios.enums.labeldependents.v2;

public enum DealCurrency {

	USD, EUR, GBP, CHF

}
