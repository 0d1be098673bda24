package dev.migrations.autogenerate.scenarios.hibernate.softdelete.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

@Entity
@SoftDelete(strategy = SoftDeleteType.TIMESTAMP)
public class Topic {

	@Id
	Long id;

	String title;

}
