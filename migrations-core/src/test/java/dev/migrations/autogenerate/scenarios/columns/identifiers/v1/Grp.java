package dev.migrations.autogenerate.scenarios.columns.identifiers.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "`group`")
public class Grp {

	@Id
	Long id;

	@Column(name = "`select`")
	String select;

	@Column(name = "`value`")
	String value;

	@Column(name = "`limit`")
	Integer limit;

}
