package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v2;

public enum TicketStatus {

	OPEN, DONE, ARCHIVED

}
