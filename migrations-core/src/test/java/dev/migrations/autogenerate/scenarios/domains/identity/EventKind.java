package dev.migrations.autogenerate.scenarios.domains.identity;

public enum EventKind {

	LOGIN, LOGOUT, REGISTER

}
