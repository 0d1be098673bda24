package dev.migrations.autogenerate.scenarios.apps.realestate.v2;

public enum PropertyType {

	HOUSE, APARTMENT, LAND

}
