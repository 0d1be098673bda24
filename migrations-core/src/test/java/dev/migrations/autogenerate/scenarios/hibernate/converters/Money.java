package dev.migrations.autogenerate.scenarios.hibernate.converters;

/** An amount in cents. */
public record Money(long cents) {

}
