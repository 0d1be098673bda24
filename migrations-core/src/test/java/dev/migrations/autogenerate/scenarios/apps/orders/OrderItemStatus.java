package dev.migrations.autogenerate.scenarios.apps.orders;

public enum OrderItemStatus {

	AVAILABLE, OUT_OF_STOCK, BACK_ORDER

}
