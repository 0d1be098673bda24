package dev.migrations.autogenerate.scenarios.enums.renamevalue.v1;

public enum TicketStatus {

	OPEN, CLOSED, ARCHIVED

}
