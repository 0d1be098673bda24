package dev.migrations.autogenerate.scenarios.domains.cargo;

public enum TransportStatus {

	NOT_RECEIVED, IN_PORT, ONBOARD_CARRIER, CLAIMED, UNKNOWN

}
