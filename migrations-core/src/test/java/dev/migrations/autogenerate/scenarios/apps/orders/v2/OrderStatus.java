package dev.migrations.autogenerate.scenarios.apps.orders.v2;

public enum OrderStatus {

	COMPLETED, PENDING, CANCELLED

}
