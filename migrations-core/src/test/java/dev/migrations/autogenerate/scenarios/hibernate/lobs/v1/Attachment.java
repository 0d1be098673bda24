package dev.migrations.autogenerate.scenarios.hibernate.lobs.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Attachment {

	@Id
	Long id;

	@Lob
	byte[] data;

	@Lob
	String body;

	byte[] thumbnail;

	@JdbcTypeCode(SqlTypes.LONGVARBINARY)
	byte[] raw;

}
