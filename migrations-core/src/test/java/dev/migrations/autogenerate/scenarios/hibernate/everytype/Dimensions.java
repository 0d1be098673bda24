package dev.migrations.autogenerate.scenarios.hibernate.everytype;

public record Dimensions(int width, int height) {
}
