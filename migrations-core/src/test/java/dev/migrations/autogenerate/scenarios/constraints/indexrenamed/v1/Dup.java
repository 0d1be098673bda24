package dev.migrations.autogenerate.scenarios.constraints.indexrenamed.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = { @Index(name = "ix_dup_a_b", columnList = "a, b"), @Index(columnList = "b") })
public class Dup {

	@Id
	Long id;

	String a;

	String b;

}
