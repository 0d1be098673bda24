package dev.migrations.autogenerate.scenarios.hibernate.converters.v2;

public enum Color {

	RED, GREEN, BLUE

}
