package dev.migrations.autogenerate.scenarios.constraints.indexadded.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(columnList = "status"))
public class Ticket {

	@Id
	Long id;

	String title;

	String status;

}
