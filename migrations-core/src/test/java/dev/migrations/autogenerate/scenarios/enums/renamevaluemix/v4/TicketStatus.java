package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v4;

public enum TicketStatus {

	OPEN, DONE, REVIEW, ARCHIVED

}
