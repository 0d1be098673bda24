package dev.migrations.autogenerate.scenarios.enums.labelsused.v3;

public enum TicketStatus {

	OPEN, DONE, REVIEW, ARCHIVED

}
