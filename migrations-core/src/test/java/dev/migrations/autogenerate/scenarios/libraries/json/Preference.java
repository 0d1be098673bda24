package dev.migrations.autogenerate.scenarios.libraries.json;

import java.util.Map;

import io.hypersistence.utils.hibernate.type.json.JsonType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Type;

/** A JSON type without a column definition: Hibernate has no DDL type for it on PostgreSQL. */
@Entity
public class Preference {

	@Id
	Long id;

	@Type(JsonType.class)
	Map<String, String> settings;

}
