package dev.migrations.autogenerate.scenarios.columns.inettext.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Visitor {

	@Id
	@GeneratedValue
	Long id;

	@JdbcTypeCode(SqlTypes.INET)
	String address;

}
