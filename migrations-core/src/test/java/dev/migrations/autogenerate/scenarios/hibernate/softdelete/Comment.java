package dev.migrations.autogenerate.scenarios.hibernate.softdelete;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.SoftDelete;

@Entity
@SoftDelete
public class Comment {

	@Id
	Long id;

	String text;

}
