package dev.migrations.autogenerate.scenarios.apps.orders;

public enum Gender {

	MALE, FEMALE, OTHER

}
