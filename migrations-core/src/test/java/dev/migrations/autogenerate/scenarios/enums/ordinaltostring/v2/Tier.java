package dev.migrations.autogenerate.scenarios.enums.ordinaltostring.v2;

public enum Tier {

	BRONZE, SILVER, GOLD

}
