package dev.migrations.autogenerate.scenarios.apps.invoices;

public enum InvoiceStatus {

	PAID, ISSUED, CANCELLED

}
