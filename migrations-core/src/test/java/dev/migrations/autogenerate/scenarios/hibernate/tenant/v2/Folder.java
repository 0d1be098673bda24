package dev.migrations.autogenerate.scenarios.hibernate.tenant.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.TenantId;

@Entity
public class Folder {

	@Id
	Long id;

	@TenantId
	String tenant;

	String name;

}
