package dev.migrations.autogenerate.scenarios.hibernate.jdbctypes.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Device {

	@Id
	Long id;

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> attributes;

	InetAddress address;

	String[] tags;

	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	String notes;

	@JdbcTypeCode(SqlTypes.CHAR)
	UUID serial;

}
