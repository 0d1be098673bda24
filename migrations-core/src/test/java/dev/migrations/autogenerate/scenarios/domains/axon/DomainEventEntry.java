package dev.migrations.autogenerate.scenarios.domains.axon;

import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** The event store's table: the type variable fixed to bytes, a unique index over attribute names. */
@Entity
@Table(indexes = @Index(columnList = "aggregateIdentifier,sequenceNumber", unique = true))
public class DomainEventEntry extends AbstractSequencedDomainEventEntry<byte[]> {

}
