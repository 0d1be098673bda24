package dev.migrations.variants.noaed;

/** {@code DealCurrency} once {@code AED} is no longer traded: a label removed, which PostgreSQL cannot do in place. */
public enum DealCurrency {

	USD, EUR, GBP, BTC

}
