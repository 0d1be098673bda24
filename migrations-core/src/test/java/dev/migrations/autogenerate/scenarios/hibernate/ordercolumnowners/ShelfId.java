package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners;

import java.io.Serializable;

import jakarta.persistence.Embeddable;

@Embeddable
public record ShelfId(String room, Integer slot) implements Serializable {
}
