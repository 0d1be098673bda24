package dev.migrations.autogenerate.scenarios.domains.axon;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * An aggregate's event with a global index from a sequence.
 *
 * @param <P> the type the payload and metadata are serialized to
 */
@MappedSuperclass
public abstract class AbstractSequencedDomainEventEntry<P> extends AbstractDomainEventEntry<P> {

	@Id
	@GeneratedValue
	private long globalIndex;

}
