package dev.migrations.autogenerate.scenarios.apps.invoices.v1;

public enum PaymentMethod {

	CREDIT_CARD, CASH_ON_DELIVERY, PAYPAL

}
