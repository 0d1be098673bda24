package dev.migrations.autogenerate.scenarios.apps.hr.v1;

public enum Language {

	FRENCH, ENGLISH, SPANISH

}
