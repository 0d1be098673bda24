package dev.migrations.autogenerate.scenarios.domains.axon;

import jakarta.persistence.Entity;

/** The snapshot table, the type variable fixed to bytes. */
@Entity
public class SnapshotEventEntry extends AbstractSnapshotEventEntry<byte[]> {

}
