package dev.migrations.autogenerate.scenarios.hibernate.converters.v1;

/** An amount in cents. */
public record Money(long cents) {

}
