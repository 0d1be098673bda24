package dev.migrations.autogenerate.scenarios.domains.axon;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;

/**
 * A snapshot, keyed by an {@code @IdClass} of three attributes declared on the mapped superclass.
 *
 * @param <T> the type the payload and metadata are serialized to
 */
@MappedSuperclass
@IdClass(AbstractSnapshotEventEntry.PK.class)
public abstract class AbstractSnapshotEventEntry<T> extends AbstractEventEntry<T> {

	@Id
	private String aggregateIdentifier;

	@Id
	private long sequenceNumber;

	@Id
	private String type;

	public static class PK implements Serializable {

		private String aggregateIdentifier;

		private long sequenceNumber;

		private String type;

		@Override
		public boolean equals(Object other) {
			return other instanceof PK pk && this.sequenceNumber == pk.sequenceNumber
					&& Objects.equals(this.aggregateIdentifier, pk.aggregateIdentifier) && Objects.equals(this.type, pk.type);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.aggregateIdentifier, this.type, this.sequenceNumber);
		}

	}

}
