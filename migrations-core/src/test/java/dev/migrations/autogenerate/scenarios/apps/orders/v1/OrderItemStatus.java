package dev.migrations.autogenerate.scenarios.apps.orders.v1;

public enum OrderItemStatus {

	AVAILABLE, OUT_OF_STOCK, BACK_ORDER

}
