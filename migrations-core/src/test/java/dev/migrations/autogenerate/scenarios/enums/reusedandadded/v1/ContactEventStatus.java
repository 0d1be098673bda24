package dev.migrations.autogenerate.scenarios.enums.reusedandadded.v1;

public enum ContactEventStatus {

	INVITED, WONTSHOW, ATTENDED, DENIED, COULDNTMAKEIT

}
