package dev.migrations.autogenerate.scenarios.hibernate.converters;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, Long> {

	@Override
	public Long convertToDatabaseColumn(Money money) {
		return (money != null) ? money.cents() : null;
	}

	@Override
	public Money convertToEntityAttribute(Long cents) {
		return (cents != null) ? new Money(cents) : null;
	}

}
