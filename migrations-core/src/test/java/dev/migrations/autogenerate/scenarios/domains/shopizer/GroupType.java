package dev.migrations.autogenerate.scenarios.domains.shopizer;

public enum GroupType {

	CUSTOMER, ADMIN

}
