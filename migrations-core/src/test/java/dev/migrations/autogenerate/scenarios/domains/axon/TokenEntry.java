package dev.migrations.autogenerate.scenarios.domains.axon;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;

/** A tracking token per processor and segment: an {@code @IdClass} with a primitive int, a {@code @Lob} byte array. */
@Entity
@IdClass(TokenEntry.PK.class)
public class TokenEntry {

	@Lob
	@Column(length = 10000)
	private byte[] token;

	@Basic
	private String tokenType;

	@Basic(optional = false)
	private String timestamp;

	@Basic
	private String owner;

	@Id
	private String processorName;

	@Id
	private int segment;

	public static class PK implements Serializable {

		private String processorName;

		private int segment;

		@Override
		public boolean equals(Object other) {
			return other instanceof PK pk && this.segment == pk.segment && Objects.equals(this.processorName, pk.processorName);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.processorName, this.segment);
		}

	}

}
