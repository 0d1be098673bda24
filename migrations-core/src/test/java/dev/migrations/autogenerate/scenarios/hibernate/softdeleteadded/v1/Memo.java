package dev.migrations.autogenerate.scenarios.hibernate.softdeleteadded.v1;

import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.type.YesNoConverter;

@Entity

public class Memo {

	@Id
	Long id;

	String body;

	@ElementCollection
	List<String> tags;

}
