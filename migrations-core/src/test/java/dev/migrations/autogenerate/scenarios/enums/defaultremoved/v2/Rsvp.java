package dev.migrations.autogenerate.scenarios.enums.defaultremoved.v2;

public enum Rsvp {

	ATTENDED, NOSHOW

}
