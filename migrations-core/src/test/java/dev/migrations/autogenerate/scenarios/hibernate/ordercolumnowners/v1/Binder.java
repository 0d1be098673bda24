package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.v1;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;

@Entity
public class Binder {

	@Id
	Long id;

	@OneToMany(mappedBy = "binder")
	List<Page> pages;

}
