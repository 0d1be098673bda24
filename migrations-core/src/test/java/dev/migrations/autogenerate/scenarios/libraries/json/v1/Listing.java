package dev.migrations.autogenerate.scenarios.libraries.json.v1;

import java.util.List;
import java.util.Map;

import io.hypersistence.utils.hibernate.type.json.JsonBinaryType;
import io.hypersistence.utils.hibernate.type.json.JsonStringType;
import io.hypersistence.utils.hibernate.type.json.JsonType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Type;

import dev.migrations.autogenerate.scenarios.libraries.json.Dimensions;

@Entity
public class Listing {

	@Id
	Long id;

	@Type(JsonBinaryType.class)
	@Column(columnDefinition = "jsonb")
	Map<String, String> attributes;

	/** Without a column definition: the column is what the type gives for PostgreSQL. */
	@Type(JsonStringType.class)
	Map<String, String> labels;

	@Type(JsonType.class)
	@Column(columnDefinition = "jsonb")
	Dimensions dimensions;

	@Type(JsonType.class)
	@Column(columnDefinition = "json")
	List<String> tags;

}
