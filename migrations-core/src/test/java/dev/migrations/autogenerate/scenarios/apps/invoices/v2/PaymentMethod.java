package dev.migrations.autogenerate.scenarios.apps.invoices.v2;

public enum PaymentMethod {

	CREDIT_CARD, CASH_ON_DELIVERY, PAYPAL

}
