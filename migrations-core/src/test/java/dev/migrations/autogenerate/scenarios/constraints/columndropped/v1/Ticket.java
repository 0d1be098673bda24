package dev.migrations.autogenerate.scenarios.constraints.columndropped.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.hibernate.annotations.Check;

@Entity
@Table(indexes = @Index(columnList = "status"), uniqueConstraints = @UniqueConstraint(columnNames = { "code", "title" }))
@Check(constraints = "priority between 1 and 5")
public class Ticket {

	@Id
	Long id;

	String title;

	String status;

	String code;

	Integer priority;

}
