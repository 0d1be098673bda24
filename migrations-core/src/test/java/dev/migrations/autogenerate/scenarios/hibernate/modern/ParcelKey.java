package dev.migrations.autogenerate.scenarios.hibernate.modern;

/** The composite key of a parcel, as a record. */
public record ParcelKey(String carrier, Long number) {
}
