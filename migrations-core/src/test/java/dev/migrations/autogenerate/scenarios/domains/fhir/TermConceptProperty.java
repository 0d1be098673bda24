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
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;

import org.hibernate.Length;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An index named as the foreign key on the same column, a writable copy of a read-only join column, an
 * ordinal enum stored as an integer, a {@code @Lob} and a {@code Length.LONG32} byte array. As before HAPI
 * FHIR partitioned its tables (the partition id joined into every key is left out).
 */
@Entity
@Table(name = "TRM_CONCEPT_PROPERTY", uniqueConstraints = {},
		indexes = { @Index(name = "FK_CONCEPTPROP_CONCEPT", columnList = "CONCEPT_PID", unique = false),
				@Index(name = "FK_CONCEPTPROP_CSV", columnList = "CS_VER_PID") })
public class TermConceptProperty {

	public static final int MAX_LENGTH = 500;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "CONCEPT_PID", referencedColumnName = "PID", insertable = false, updatable = false, nullable = false,
			foreignKey = @ForeignKey(name = "FK_CONCEPTPROP_CONCEPT"))
	private TermConcept myConcept;

	@Column(name = "CONCEPT_PID", insertable = true, updatable = true, nullable = false)
	private Long myConceptPid;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "CS_VER_PID", nullable = true, referencedColumnName = "PID", foreignKey = @ForeignKey(name = "FK_CONCEPTPROP_CSV"))
	private TermCodeSystemVersion myCodeSystemVersion;

	@Id
	@SequenceGenerator(name = "SEQ_CONCEPT_PROP_PID", sequenceName = "SEQ_CONCEPT_PROP_PID")
	@GeneratedValue(strategy = GenerationType.AUTO, generator = "SEQ_CONCEPT_PROP_PID")
	@Column(name = "PID")
	private Long myId;

	@Column(name = "PROP_KEY", nullable = false, length = MAX_LENGTH)
	@NotBlank
	private String myKey;

	@Column(name = "PROP_VAL", nullable = true, length = MAX_LENGTH)
	private String myValue;

	@Column(name = "PROP_VAL_LOB")
	@Lob
	private byte[] myValueLob;

	@Column(name = "PROP_VAL_BIN", nullable = true, length = Length.LONG32)
	private byte[] myValueBin;

	@Enumerated(EnumType.ORDINAL)
	@Column(name = "PROP_TYPE", nullable = false)
	@JdbcTypeCode(SqlTypes.INTEGER)
	private TermConceptPropertyTypeEnum myType;

	@Column(name = "PROP_CODESYSTEM", length = MAX_LENGTH, nullable = true)
	private String myCodeSystem;

	@Column(name = "PROP_DISPLAY", length = MAX_LENGTH, nullable = true)
	private String myDisplay;

}
