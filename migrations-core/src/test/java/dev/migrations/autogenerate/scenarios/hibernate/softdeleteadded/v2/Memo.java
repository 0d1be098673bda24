package dev.migrations.autogenerate.scenarios.hibernate.softdeleteadded.v2;

import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.type.YesNoConverter;

@Entity
@SoftDelete(strategy = SoftDeleteType.ACTIVE, converter = YesNoConverter.class)
public class Memo {

	@Id
	Long id;

	String body;

	@ElementCollection
	@SoftDelete
	List<String> tags;

}
