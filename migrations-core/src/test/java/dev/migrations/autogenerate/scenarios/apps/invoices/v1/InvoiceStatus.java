package dev.migrations.autogenerate.scenarios.apps.invoices.v1;

public enum InvoiceStatus {

	PAID, ISSUED, CANCELLED

}
