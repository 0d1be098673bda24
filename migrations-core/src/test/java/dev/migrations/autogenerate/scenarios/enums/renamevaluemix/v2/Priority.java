package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v2;

public enum Priority {

	LOW, URGENT

}
