package dev.migrations.autogenerate.scenarios.domains.cargo;

public enum RoutingStatus {

	NOT_ROUTED, ROUTED, MISROUTED

}
