package dev.migrations.autogenerate.scenarios.domains.kogito;

public enum CancelType {

	ABORTED, SKIPPED, OBSOLETE, EXITED

}
