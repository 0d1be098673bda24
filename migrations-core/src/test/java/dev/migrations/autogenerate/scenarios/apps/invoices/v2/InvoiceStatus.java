package dev.migrations.autogenerate.scenarios.apps.invoices.v2;

public enum InvoiceStatus {

	PAID, ISSUED, CANCELLED

}
