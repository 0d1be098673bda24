package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v3;

public enum TicketStatus {

	OPEN, CLOSED, ARCHIVED

}
