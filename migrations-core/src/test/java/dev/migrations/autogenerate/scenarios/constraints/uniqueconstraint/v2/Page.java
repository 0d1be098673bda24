package dev.migrations.autogenerate.scenarios.constraints.uniqueconstraint.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

@Entity
@Table(uniqueConstraints = { @UniqueConstraint(columnNames = { "tenant_id", "slug" }),
		@UniqueConstraint(name = "uq_page_title_per_locale", columnNames = { "tenant_id", "locale", "title" }) })
public class Page {

	@Id
	Long id;

	Long tenantId;

	String slug;

	String locale;

	String title;

}
