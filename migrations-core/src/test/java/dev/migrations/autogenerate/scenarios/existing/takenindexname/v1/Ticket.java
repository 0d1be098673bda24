package dev.migrations.autogenerate.scenarios.existing.takenindexname.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Declares an index under the name an index of purchase_order already has. */
@Entity
@Table(indexes = @Index(name = "ix_order_placed", columnList = "title"))
public class Ticket {

	@Id
	Long id;

	String title;

}
