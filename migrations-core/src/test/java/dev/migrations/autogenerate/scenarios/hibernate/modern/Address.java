package dev.migrations.autogenerate.scenarios.hibernate.modern;

import jakarta.persistence.Embeddable;

/** An embeddable record. */
@Embeddable
public record Address(String city, String zip) {
}
