package dev.migrations.autogenerate.scenarios.domains.commerce;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status as its one-character code. */
@Converter
public class StatusConverter implements AttributeConverter<Status, Character> {

	@Override
	public Character convertToDatabaseColumn(Status status) {
		return (status != null) ? status.code : null;
	}

	@Override
	public Status convertToEntityAttribute(Character code) {
		for (Status status : Status.values()) {
			if (code != null && status.code == code) {
				return status;
			}
		}
		return null;
	}

}
