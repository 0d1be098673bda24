package dev.migrations.autogenerate.scenarios.hibernate.generatedchange.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.GeneratedColumn;

@Entity
public class Parcel {

	@Id
	Long id;

	int lengthCm;

	int widthCm;

	@Column(columnDefinition = "integer  GENERATED ALWAYS AS (length_cm - width_cm) stored", insertable = false,
			updatable = false)
	Integer excessCm;

	@GeneratedColumn("length_cm * width_cm")
	Integer areaCm2;

	@GeneratedColumn("length_cm + width_cm")
	Integer girth;

}
