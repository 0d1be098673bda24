package dev.migrations.autogenerate.scenarios.hibernate.converters;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

// stored as a hex code, so the column is a varchar whatever the enum
@Converter
public class ColorConverter implements AttributeConverter<Color, String> {

	@Override
	public String convertToDatabaseColumn(Color color) {
		return (color != null) ? switch (color) {
			case RED -> "#f00";
			case GREEN -> "#0f0";
			case BLUE -> "#00f";
		} : null;
	}

	@Override
	public Color convertToEntityAttribute(String code) {
		return (code != null) ? switch (code) {
			case "#f00" -> Color.RED;
			case "#0f0" -> Color.GREEN;
			default -> Color.BLUE;
		} : null;
	}

}
