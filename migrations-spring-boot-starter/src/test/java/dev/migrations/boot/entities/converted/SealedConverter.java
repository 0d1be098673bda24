package dev.migrations.boot.entities.converted;

import java.util.function.UnaryOperator;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Needs a bean of the application: Hibernate can only create it through Spring's bean container,
 * which Spring's JPA vendor adapter gives the EntityManagerFactory.
 */
@Converter
public class SealedConverter implements AttributeConverter<String, String> {

	private final UnaryOperator<String> seal;

	public SealedConverter(UnaryOperator<String> seal) {
		this.seal = seal;
	}

	@Override
	public String convertToDatabaseColumn(String value) {
		return (value != null) ? this.seal.apply(value) : null;
	}

	@Override
	public String convertToEntityAttribute(String value) {
		return value;
	}

}
