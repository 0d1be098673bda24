package dev.migrations.autogenerate.scenarios.columns.yesno.v2;

import org.hibernate.type.TrueFalseConverter;
import org.hibernate.type.YesNoConverter;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The flags stored as letters: 'Y' and 'N', 'T' and 'F'. */
@Entity
public class Sink {

	@Id
	Long id;

	@Convert(converter = YesNoConverter.class)
	Boolean flag;

	@Convert(converter = TrueFalseConverter.class)
	Boolean checked;

}
