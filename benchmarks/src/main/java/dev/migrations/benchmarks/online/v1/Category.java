package dev.migrations.benchmarks.online.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Category {

	@Id
	Long id;

	String name;

}
