package dev.migrations.autogenerate.scenarios.columns.inetarraytext.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Visitor {

	@Id
	@GeneratedValue
	Long id;

	@Column(columnDefinition = "inet[]")
	String[] addresses;

}
