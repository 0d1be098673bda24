package dev.migrations.autogenerate.scenarios.apps.hr;

public enum Language {

	FRENCH, ENGLISH, SPANISH

}
