package dev.migrations.autogenerate.scenarios.constraints.handwrittenindex.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(columnList = "email"))
public class Account {

	@Id
	Long id;

	String email;

	String bio;

}
