package dev.migrations.autogenerate.scenarios.enums.labelsused.v4;

public enum TicketStatus {

	OPEN, CLOSED, REVIEW, ARCHIVED

}
