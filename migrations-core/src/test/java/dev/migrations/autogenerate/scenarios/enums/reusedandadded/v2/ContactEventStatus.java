package dev.migrations.autogenerate.scenarios.enums.reusedandadded.v2;

public enum ContactEventStatus {

	INVITED, WONTSHOW, ATTENDED, DENIED, COULDNTMAKEIT, RESCHEDULED

}
