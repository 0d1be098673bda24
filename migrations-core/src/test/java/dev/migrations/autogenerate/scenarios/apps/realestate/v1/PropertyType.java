package dev.migrations.autogenerate.scenarios.apps.realestate.v1;

public enum PropertyType {

	HOUSE, APARTMENT, LAND

}
