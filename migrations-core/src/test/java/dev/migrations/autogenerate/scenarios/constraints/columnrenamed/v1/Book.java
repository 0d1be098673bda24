package dev.migrations.autogenerate.scenarios.constraints.columnrenamed.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(columnList = "writer_id"))
public class Book {

	@Id
	Long id;

	String title;

	@ManyToOne
	Author writer;

}
