package dev.migrations.autogenerate.scenarios.hibernate.softdeleteadded.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

@Entity
@SoftDelete(strategy = SoftDeleteType.ACTIVE)
public class Pin {

	@Id
	Long id;

}
