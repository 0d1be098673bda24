package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.v1;

import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.ShelfId;

@Entity
public class Shelf {

	@EmbeddedId
	ShelfId id;

	@ElementCollection
	List<String> labels;

}
