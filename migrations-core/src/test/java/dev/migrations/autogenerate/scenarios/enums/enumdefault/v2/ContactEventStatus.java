package dev.migrations.autogenerate.scenarios.enums.enumdefault.v2;

public enum ContactEventStatus {

	INVITED, WONTSHOW, ATTENDED, COULDNTMAKEIT

}
