package dev.migrations.autogenerate.scenarios.domains.shopizer;

public enum CustomerGender {

	M, F

}
