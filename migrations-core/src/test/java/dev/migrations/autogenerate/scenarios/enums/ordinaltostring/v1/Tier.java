package dev.migrations.autogenerate.scenarios.enums.ordinaltostring.v1;

public enum Tier {

	BRONZE, SILVER, GOLD

}
