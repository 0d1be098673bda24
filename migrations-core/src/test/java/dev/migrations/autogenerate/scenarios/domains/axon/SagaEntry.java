package dev.migrations.autogenerate.scenarios.domains.axon;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/**
 * A serialized saga; the entity class is generic.
 *
 * @param <T> the saga's type
 */
@Entity
public class SagaEntry<T> {

	@Id
	protected String sagaId;

	@Basic
	protected String sagaType;

	@Basic
	protected String revision;

	@Lob
	@Column(length = 10000)
	protected byte[] serializedSaga;

}
