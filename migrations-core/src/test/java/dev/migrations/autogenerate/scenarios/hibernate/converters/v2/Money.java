package dev.migrations.autogenerate.scenarios.hibernate.converters.v2;

/** An amount in cents. */
public record Money(long cents) {

}
