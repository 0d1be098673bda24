package dev.migrations.autogenerate.scenarios.enums.enumdefault.v1;

public enum ContactEventStatus {

	INVITED, WONTSHOW, ATTENDED, DENIED, COULDNTMAKEIT

}
