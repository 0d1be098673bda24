package dev.migrations.autogenerate.scenarios.domains.commerce;

public enum Status {

	ACTIVE('A'), INACTIVE('I'), ARCHIVED('X');

	final char code;

	Status(char code) {
		this.code = code;
	}

}
