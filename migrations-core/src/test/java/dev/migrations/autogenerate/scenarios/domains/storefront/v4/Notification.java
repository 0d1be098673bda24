package dev.migrations.autogenerate.scenarios.domains.storefront.v4;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;

@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Notification {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "store_seq")
	@SequenceGenerator(name = "store_seq", sequenceName = "store_seq", allocationSize = 50)
	private Long id;

	private Instant sentAt;

	@Lob
	private String body;

	@Column(length = 20)
	private String channel;

}
