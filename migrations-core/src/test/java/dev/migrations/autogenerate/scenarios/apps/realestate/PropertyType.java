package dev.migrations.autogenerate.scenarios.apps.realestate;

public enum PropertyType {

	HOUSE, APARTMENT, LAND

}
