package dev.migrations.autogenerate.scenarios.apps.invoices;

public enum PaymentMethod {

	CREDIT_CARD, CASH_ON_DELIVERY, PAYPAL

}
