package dev.migrations.autogenerate.scenarios.enums.labelsused.v1;

public enum TicketStatus {

	OPEN, CLOSED, ARCHIVED

}
