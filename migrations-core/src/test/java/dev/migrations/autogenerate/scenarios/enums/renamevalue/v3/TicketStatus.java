package dev.migrations.autogenerate.scenarios.enums.renamevalue.v3;

public enum TicketStatus {

	OPEN, DONE

}
