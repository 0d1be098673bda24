package dev.migrations.autogenerate.scenarios.enums.jsonb.v2;

import java.util.List;
import java.util.Map;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Product {

	@Id
	Long id;

	String name;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> attributes;

	String[] tags;

	@JdbcTypeCode(SqlTypes.ARRAY)
	List<Integer> ratings;

}
