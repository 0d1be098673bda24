package dev.migrations.autogenerate.scenarios.hibernate.everytype;

public enum Kind { SMALL, LARGE }
