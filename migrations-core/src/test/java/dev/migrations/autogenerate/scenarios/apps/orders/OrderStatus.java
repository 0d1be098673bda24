package dev.migrations.autogenerate.scenarios.apps.orders;

public enum OrderStatus {

	COMPLETED, PENDING, CANCELLED

}
