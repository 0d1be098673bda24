package dev.migrations.autogenerate.scenarios.hibernate.everytype;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class KindCodeConverter implements AttributeConverter<Kind, Character> {

	@Override
	public Character convertToDatabaseColumn(Kind attribute) {
		return attribute == null ? null : attribute.name().charAt(0);
	}

	@Override
	public Kind convertToEntityAttribute(Character dbData) {
		return dbData == null ? null : (dbData == 'S' ? Kind.SMALL : Kind.LARGE);
	}

}
