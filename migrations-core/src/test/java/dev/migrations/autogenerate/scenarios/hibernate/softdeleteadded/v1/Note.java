package dev.migrations.autogenerate.scenarios.hibernate.softdeleteadded.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

@Entity

public class Note {

	@Id
	Long id;

	String body;

}
