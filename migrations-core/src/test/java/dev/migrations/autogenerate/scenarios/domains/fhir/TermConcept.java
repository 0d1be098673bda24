package dev.migrations.autogenerate.scenarios.domains.fhir;

import java.util.Collection;
import java.util.Date;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.UniqueConstraint;

/**
 * HAPI FHIR's {@code TermConcept}: a named unique constraint and named indexes, a {@code @Lob} string, a
 * primitive read-only copy of the foreign key column. Its Hibernate Search annotations are left out.
 */
@Entity
@Table(name = "TRM_CONCEPT", uniqueConstraints = { @UniqueConstraint(name = "IDX_CONCEPT_CS_CODE", columnNames = { "CODESYSTEM_PID", "CODEVAL" }) },
		indexes = { @Index(name = "IDX_CONCEPT_INDEXSTATUS", columnList = "INDEX_STATUS"),
				@Index(name = "IDX_CONCEPT_UPDATED", columnList = "CONCEPT_UPDATED") })
public class TermConcept {

	public static final int MAX_CODE_LENGTH = 500;

	public static final int MAX_DESC_LENGTH = 400;

	@OneToMany(fetch = FetchType.LAZY, mappedBy = "myParent", cascade = {})
	private List<TermConceptParentChildLink> myChildren;

	@Column(name = "CODEVAL", nullable = false, length = MAX_CODE_LENGTH)
	private String myCode;

	@Temporal(TemporalType.TIMESTAMP)
	@Column(name = "CONCEPT_UPDATED", nullable = true)
	private Date myUpdated;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "CODESYSTEM_PID", referencedColumnName = "PID", foreignKey = @ForeignKey(name = "FK_CONCEPT_PID_CS_PID"))
	private TermCodeSystemVersion myCodeSystem;

	@Column(name = "CODESYSTEM_PID", insertable = false, updatable = false)
	private long myCodeSystemVersionPid;

	@Column(name = "DISPLAY", nullable = true, length = MAX_DESC_LENGTH)
	private String myDisplay;

	@OneToMany(mappedBy = "myConcept", orphanRemoval = false, fetch = FetchType.LAZY)
	private Collection<TermConceptProperty> myProperties;

	@OneToMany(mappedBy = "myConcept", orphanRemoval = false, fetch = FetchType.LAZY)
	private Collection<TermConceptDesignation> myDesignations;

	@Id
	@SequenceGenerator(name = "SEQ_CONCEPT_PID", sequenceName = "SEQ_CONCEPT_PID")
	@GeneratedValue(strategy = GenerationType.AUTO, generator = "SEQ_CONCEPT_PID")
	@Column(name = "PID")
	private Long myId;

	@Column(name = "INDEX_STATUS", nullable = true)
	private Long myIndexStatus;

	@Lob
	@Column(name = "PARENT_PIDS", nullable = true)
	private String myParentPids;

	@OneToMany(cascade = {}, fetch = FetchType.LAZY, mappedBy = "myChild")
	private List<TermConceptParentChildLink> myParents;

	@Column(name = "CODE_SEQUENCE", nullable = true)
	private Integer mySequence;

}
