package dev.migrations.benchmarks.online.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class BigItem {

	@Id
	Long id;

	String v;

	Long categoryId;

	String note;

}
