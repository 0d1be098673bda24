package dev.migrations.autogenerate.scenarios.apps.orders.v1;

public enum Gender {

	MALE, FEMALE, OTHER

}
