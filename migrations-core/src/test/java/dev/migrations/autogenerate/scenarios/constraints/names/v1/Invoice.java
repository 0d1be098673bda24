package dev.migrations.autogenerate.scenarios.constraints.names.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
public class Invoice {

	@Id
	Long id;

	@ManyToOne
	Customer customer;

	@ManyToOne
	@OnDelete(action = OnDeleteAction.CASCADE)
	Customer payer;

}
