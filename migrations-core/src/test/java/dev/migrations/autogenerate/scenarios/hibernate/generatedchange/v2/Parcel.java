package dev.migrations.autogenerate.scenarios.hibernate.generatedchange.v2;

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

	Integer heightCm;

	@Column(columnDefinition = "integer  GENERATED ALWAYS AS (length_cm - width_cm) stored", insertable = false,
			updatable = false)
	Integer excessCm;

	@GeneratedColumn("length_cm * width_cm")
	Integer areaCm2;

	@GeneratedColumn("2 * (length_cm + width_cm)")
	Integer girth;

	@GeneratedColumn("length_cm * width_cm * height_cm")
	Integer volumeCm3;

}
