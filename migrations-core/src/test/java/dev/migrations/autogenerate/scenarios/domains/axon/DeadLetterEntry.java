package dev.migrations.autogenerate.scenarios.domains.axon;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * A dead letter: columns named {@code index} and {@code sequence}, two unnamed indexes sharing their first
 * column, an embedded message, instants.
 */
@Entity
@Table(indexes = { @Index(columnList = "processingGroup"), @Index(columnList = "processingGroup,sequence"), })
public class DeadLetterEntry {

	@Id
	private String deadLetterId;

	@Basic(optional = false)
	private String processingGroup;

	@Basic(optional = false)
	private String sequence;

	@Basic(optional = false)
	private long index;

	@Embedded
	private DeadLetterEntryMessage message;

	@Basic(optional = false)
	private Instant enqueuedAt;

	private Instant lastTouched;

	private Instant processingStarted;

	private String causeType;

	private String causeMessage;

	@Basic
	@Lob
	@Column(length = 10000)
	private byte[] diagnostics;

}
