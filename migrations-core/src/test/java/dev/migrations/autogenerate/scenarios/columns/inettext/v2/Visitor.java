package dev.migrations.autogenerate.scenarios.columns.inettext.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

@Entity
public class Visitor {

	@Id
	@GeneratedValue
	Long id;

	@Column(length = 49)
	String address;

}
