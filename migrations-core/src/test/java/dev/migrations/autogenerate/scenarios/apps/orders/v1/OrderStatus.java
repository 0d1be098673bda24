package dev.migrations.autogenerate.scenarios.apps.orders.v1;

public enum OrderStatus {

	COMPLETED, PENDING, CANCELLED

}
