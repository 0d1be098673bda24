package dev.migrations.autogenerate.scenarios.domains.axon;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Lob;

/** The dead letter's message, embedded: three {@code @Lob} byte arrays, a nullable {@code Long}. */
@Embeddable
public class DeadLetterEntryMessage {

	@Basic(optional = false)
	private String messageType;

	@Column(nullable = false)
	private String eventIdentifier;

	@Basic(optional = false)
	private String timeStamp;

	@Basic(optional = false)
	private String payloadType;

	@Basic
	private String payloadRevision;

	@Basic(optional = false)
	@Lob
	@Column(length = 10000)
	private byte[] payload;

	@Basic
	@Lob
	@Column(length = 10000)
	private byte[] metaData;

	@Basic
	private String type;

	@Basic
	private String aggregateIdentifier;

	@Basic
	private Long sequenceNumber;

	@Basic
	private String tokenType;

	@Basic
	@Lob
	@Column(length = 10000)
	private byte[] token;

}
