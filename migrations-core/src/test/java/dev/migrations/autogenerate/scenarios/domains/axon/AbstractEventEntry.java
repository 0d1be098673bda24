package dev.migrations.autogenerate.scenarios.domains.axon;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Lob;
import jakarta.persistence.MappedSuperclass;

/**
 * A serialized event: a unique identifier, and a payload and metadata of a type variable the entity fixes,
 * {@code @Lob} with a length.
 *
 * @param <P> the type the payload and metadata are serialized to
 */
@MappedSuperclass
public abstract class AbstractEventEntry<P> {

	@Column(nullable = false, unique = true)
	private String eventIdentifier;

	@Basic(optional = false)
	private String payloadType;

	@Basic
	private String payloadRevision;

	@Basic(optional = false)
	@Lob
	@Column(length = 10000)
	private P payload;

	@Basic
	@Lob
	@Column(length = 10000)
	private P metaData;

	@Basic(optional = false)
	private String timeStamp;

}
