package dev.migrations.boot.entities.keywords;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.hibernate.annotations.ColumnDefault;

/**
 * Columns named after words PostgreSQL reserves and SQL:2003 does not, so only the JDBC driver's
 * keywords tell Hibernate to quote them. A default makes the comparison create the table in the
 * scratch schema.
 */
@Entity
public class Quota {

	@Id
	@GeneratedValue
	private Long id;

	@ColumnDefault("10")
	private Integer limit;

	private Integer offset;

	private Boolean verbose;

}
