package dev.migrations.autogenerate.scenarios.apps.crm.v2;

public enum DealStage {

	LEAD, QUALIFIED, PROPOSAL, WON, LOST

}
