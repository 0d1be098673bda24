package dev.migrations.autogenerate.scenarios.hibernate.converters.v1;

public enum Color {

	RED, GREEN, BLUE

}
