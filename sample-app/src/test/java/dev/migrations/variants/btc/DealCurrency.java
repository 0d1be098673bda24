package dev.migrations.variants.btc;

/** {@code DealCurrency} after the change the CRM notes start from: {@code BTC} is added at the end. */
public enum DealCurrency {

	USD, EUR, AED, GBP, BTC

}
