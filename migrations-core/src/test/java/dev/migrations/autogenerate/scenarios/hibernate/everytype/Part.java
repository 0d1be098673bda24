package dev.migrations.autogenerate.scenarios.hibernate.everytype;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Embeddable
public class Part {

	@Size(max = 30)
	String name;

	@NotNull
	@Column(precision = 8, scale = 3)
	BigDecimal weight;

	@Enumerated(EnumType.STRING)
	Kind kind;

}
