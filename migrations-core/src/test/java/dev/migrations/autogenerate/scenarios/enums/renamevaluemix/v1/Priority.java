package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v1;

public enum Priority {

	LOW, HIGH

}
