package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a set of tags as one comma-separated string. */
@Converter
public class TagsConverter implements AttributeConverter<Set<String>, String> {

	@Override
	public String convertToDatabaseColumn(Set<String> tags) {
		return (tags != null) ? String.join(",", tags) : null;
	}

	@Override
	public Set<String> convertToEntityAttribute(String text) {
		return (text != null) ? new LinkedHashSet<>(Arrays.asList(text.split(","))) : null;
	}

}
