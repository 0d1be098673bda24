package dev.migrations.autogenerate.scenarios.constraints.uniqueorder.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(uniqueConstraints = @UniqueConstraint(name = "uq_pair_a_b", columnNames = { "b", "a" }),
		indexes = @Index(name = "ux_pair_c_d", columnList = "d, c", unique = true))
public class Pair {

	@Id
	Long id;

	String a;

	String b;

	String c;

	String d;

}
