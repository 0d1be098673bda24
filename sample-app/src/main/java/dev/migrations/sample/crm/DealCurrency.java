package dev.migrations.sample.crm;

/** Stored as the PostgreSQL enum type {@code dealcurrency}. */
public enum DealCurrency {

	USD, EUR, AED, GBP

}
