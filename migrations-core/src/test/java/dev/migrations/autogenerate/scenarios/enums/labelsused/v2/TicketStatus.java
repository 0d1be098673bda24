package dev.migrations.autogenerate.scenarios.enums.labelsused.v2;

public enum TicketStatus {

	OPEN, CLOSED, REVIEW, ARCHIVED

}
