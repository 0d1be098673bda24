package dev.migrations.autogenerate.scenarios.enums.renamevalue.v2;

public enum TicketStatus {

	OPEN, DONE, ARCHIVED

}
