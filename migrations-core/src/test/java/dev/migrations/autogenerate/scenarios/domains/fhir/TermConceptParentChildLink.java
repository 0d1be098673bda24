package dev.migrations.autogenerate.scenarios.domains.fhir;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Three associations whose join columns are read-only, each written through a basic column of the same name. */
@Entity
@Table(name = "TRM_CONCEPT_PC_LINK", indexes = { @Index(name = "FK_TERM_CONCEPTPC_CHILD", columnList = "CHILD_PID", unique = false),
		@Index(name = "FK_TERM_CONCEPTPC_PARENT", columnList = "PARENT_PID", unique = false),
		@Index(name = "FK_TERM_CONCEPTPC_CS", columnList = "CODESYSTEM_PID") })
public class TermConceptParentChildLink {

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "CHILD_PID", insertable = false, updatable = false, nullable = false, referencedColumnName = "PID",
			foreignKey = @ForeignKey(name = "FK_TERM_CONCEPTPC_CHILD"))
	private TermConcept myChild;

	@Column(name = "CHILD_PID", insertable = true, updatable = true, nullable = false)
	private Long myChildPid;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "CODESYSTEM_PID", referencedColumnName = "PID", insertable = false, updatable = false, nullable = false,
			foreignKey = @ForeignKey(name = "FK_TERM_CONCEPTPC_CS"))
	private TermCodeSystemVersion myCodeSystem;

	@Column(name = "CODESYSTEM_PID", insertable = true, updatable = true, nullable = false)
	private Long myCodeSystemVersionPid;

	@ManyToOne(fetch = FetchType.LAZY, cascade = {})
	@JoinColumn(name = "PARENT_PID", insertable = false, updatable = false, nullable = false, referencedColumnName = "PID",
			foreignKey = @ForeignKey(name = "FK_TERM_CONCEPTPC_PARENT"))
	private TermConcept myParent;

	@Column(name = "PARENT_PID", insertable = true, updatable = true, nullable = false)
	private Long myParentPid;

	@Id
	@SequenceGenerator(name = "SEQ_CONCEPT_PC_PID", sequenceName = "SEQ_CONCEPT_PC_PID")
	@GeneratedValue(strategy = GenerationType.AUTO, generator = "SEQ_CONCEPT_PC_PID")
	@Column(name = "PID")
	private Long myId;

	@Enumerated(EnumType.ORDINAL)
	@Column(name = "REL_TYPE", length = 5, nullable = true)
	@JdbcTypeCode(SqlTypes.INTEGER)
	private RelationshipTypeEnum myRelationshipType;

	public enum RelationshipTypeEnum {

		ISA

	}

}
