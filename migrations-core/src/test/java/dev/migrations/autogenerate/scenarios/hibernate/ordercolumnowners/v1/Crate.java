package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.v1;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.ManyToMany;

import dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.CrateId;
import dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.Item;

@Entity
@IdClass(CrateId.class)
public class Crate {

	@Id
	String site;

	@Id
	Long number;

	@ManyToMany
	List<Item> items;

}
