package dev.migrations.autogenerate.scenarios.enums.defaultremoved.v1;

public enum Rsvp {

	INVITED, ATTENDED, NOSHOW

}
