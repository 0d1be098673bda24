package dev.migrations.autogenerate.scenarios.hibernate.modern;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.PartitionKey;
import org.hibernate.annotations.UuidGenerator;

/** Keys made by the time-based UUID generators. */
@Entity
public class Token {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.TIME)
	UUID id;

	@UuidGenerator(style = UuidGenerator.Style.VERSION_7)
	UUID reference;

	@PartitionKey
	String region;

}
