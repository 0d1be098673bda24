package dev.migrations.autogenerate.scenarios.columns.inetarraytext.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Visitor {

	@Id
	@GeneratedValue
	Long id;

	String[] addresses;

}
