package dev.migrations.autogenerate.scenarios.hibernate.tenant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.TenantId;

@Entity
public class Document {

	@Id
	Long id;

	@TenantId
	String tenant;

	String title;

}
