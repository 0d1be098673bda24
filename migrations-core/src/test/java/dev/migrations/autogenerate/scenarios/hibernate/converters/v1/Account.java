package dev.migrations.autogenerate.scenarios.hibernate.converters.v1;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.type.NumericBooleanConverter;
import org.hibernate.type.TrueFalseConverter;
import org.hibernate.type.YesNoConverter;

import dev.migrations.autogenerate.scenarios.hibernate.converters.Color;
import dev.migrations.autogenerate.scenarios.hibernate.converters.ColorConverter;
import dev.migrations.autogenerate.scenarios.hibernate.converters.Money;
import dev.migrations.autogenerate.scenarios.hibernate.converters.MoneyConverter;

@Entity
public class Account {

	@Id
	Long id;

	@Convert(converter = YesNoConverter.class)
	boolean active;

	@Convert(converter = TrueFalseConverter.class)
	boolean verified;

	// converted by MoneyConverter, which applies itself
	Money balance;

	@Convert(converter = ColorConverter.class)
	Color color;

}
