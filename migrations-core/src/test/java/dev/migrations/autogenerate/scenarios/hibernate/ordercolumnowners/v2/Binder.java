package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.v2;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;

@Entity
public class Binder {

	@Id
	Long id;

	@OneToMany(mappedBy = "binder")
	@OrderColumn
	List<Page> pages;

}
