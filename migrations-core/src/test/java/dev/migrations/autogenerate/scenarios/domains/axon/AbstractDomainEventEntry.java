package dev.migrations.autogenerate.scenarios.domains.axon;

import jakarta.persistence.Basic;
import jakarta.persistence.MappedSuperclass;

/**
 * An event of an aggregate: its type, identifier and sequence number.
 *
 * @param <T> the type the payload and metadata are serialized to
 */
@MappedSuperclass
public abstract class AbstractDomainEventEntry<T> extends AbstractEventEntry<T> {

	@Basic
	private String type;

	@Basic(optional = false)
	private String aggregateIdentifier;

	@Basic(optional = false)
	private long sequenceNumber;

}
