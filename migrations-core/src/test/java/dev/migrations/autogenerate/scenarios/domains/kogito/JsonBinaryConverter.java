package dev.migrations.autogenerate.scenarios.domains.kogito;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Kogito's converter of JSON trees to the text written to a {@code jsonb} column. */
@Converter
public class JsonBinaryConverter implements AttributeConverter<JsonNode, String> {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Override
	public String convertToDatabaseColumn(JsonNode attribute) {
		return (attribute != null) ? MAPPER.writeValueAsString(attribute) : null;
	}

	@Override
	public JsonNode convertToEntityAttribute(String dbData) {
		return (dbData != null) ? MAPPER.readTree(dbData) : null;
	}

}
