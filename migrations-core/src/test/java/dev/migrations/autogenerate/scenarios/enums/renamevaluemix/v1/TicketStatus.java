package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v1;

public enum TicketStatus {

	OPEN, CLOSED, ARCHIVED

}
