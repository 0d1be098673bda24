package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v4;

public enum Priority {

	LOW, HIGH

}
