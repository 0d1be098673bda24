package dev.migrations.autogenerate.scenarios.domains.axon;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A saga's association: two unnamed indexes whose column lists hold spaces after the commas. */
@Table(indexes = { @Index(columnList = "sagaType, associationKey, associationValue", unique = false),
		@Index(columnList = "sagaId, sagaType", unique = false) })
@Entity
public class AssociationValueEntry {

	@Id
	@GeneratedValue
	private Long id;

	@Basic(optional = false)
	private String sagaId;

	@Basic(optional = false)
	private String associationKey;

	@Basic
	private String associationValue;

	@Basic
	private String sagaType;

}
