package dev.migrations.autogenerate.scenarios.enums.renamevaluemix.v3;

public enum Priority {

	LOW, HIGH

}
