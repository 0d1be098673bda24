package dev.migrations.autogenerate.views;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Shop {

	@Id
	Long id;

	String name;

}
