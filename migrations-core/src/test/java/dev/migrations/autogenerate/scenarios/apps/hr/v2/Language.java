package dev.migrations.autogenerate.scenarios.apps.hr.v2;

public enum Language {

	FRENCH, ENGLISH, SPANISH

}
