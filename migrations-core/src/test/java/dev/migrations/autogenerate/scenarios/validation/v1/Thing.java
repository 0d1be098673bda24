package dev.migrations.autogenerate.scenarios.validation.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Entity
public class Thing {

	@Id
	@GeneratedValue
	Long id;

	@NotBlank
	String name;

	@Size(max = 40)
	String code;

	@Min(0)
	@Max(10)
	Integer score;

}
