package dev.migrations.autogenerate.scenarios.enums.reusedtype.v2;

public enum ContactEventStatus {

	INVITED, WONTSHOW, ATTENDED, DENIED, COULDNTMAKEIT

}
