package dev.migrations.autogenerate.scenarios.domains.realm;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class CsvConverter implements AttributeConverter<List<String>, String> {

	@Override
	public String convertToDatabaseColumn(List<String> attribute) {
		return (attribute != null) ? String.join(",", attribute) : null;
	}

	@Override
	public List<String> convertToEntityAttribute(String dbData) {
		return (dbData != null) ? Arrays.asList(dbData.split(",")) : null;
	}

}
