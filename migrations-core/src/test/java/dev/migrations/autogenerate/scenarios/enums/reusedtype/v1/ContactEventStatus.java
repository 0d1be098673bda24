package dev.migrations.autogenerate.scenarios.enums.reusedtype.v1;

public enum ContactEventStatus {

	INVITED, WONTSHOW, ATTENDED, DENIED, COULDNTMAKEIT

}
