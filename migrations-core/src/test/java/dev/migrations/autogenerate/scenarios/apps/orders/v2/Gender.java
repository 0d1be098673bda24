package dev.migrations.autogenerate.scenarios.apps.orders.v2;

public enum Gender {

	MALE, FEMALE, OTHER

}
