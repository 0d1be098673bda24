package dev.migrations.autogenerate.scenarios.libraries.json;

import java.io.Serializable;

/** A value Hypersistence Utils' {@code JsonType} writes as a JSON object. */
public record Dimensions(int width, int height) implements Serializable {
}
