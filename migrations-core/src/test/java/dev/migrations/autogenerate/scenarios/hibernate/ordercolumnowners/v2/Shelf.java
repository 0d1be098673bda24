package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.v2;

import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.OrderColumn;

import dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners.ShelfId;

@Entity
public class Shelf {

	@EmbeddedId
	ShelfId id;

	@ElementCollection
	@OrderColumn
	List<String> labels;

}
