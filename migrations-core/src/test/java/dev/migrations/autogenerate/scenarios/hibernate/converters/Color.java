package dev.migrations.autogenerate.scenarios.hibernate.converters;

public enum Color {

	RED, GREEN, BLUE

}
