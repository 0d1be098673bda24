package dev.migrations.autogenerate.scenarios.apps.crm.v1;

public enum DealStage {

	LEAD, QUALIFIED, PROPOSAL, WON

}
