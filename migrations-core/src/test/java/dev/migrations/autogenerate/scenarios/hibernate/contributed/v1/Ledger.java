package dev.migrations.autogenerate.scenarios.hibernate.contributed.v1;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Ledger {

	@Id
	Long id;

	BigDecimal balance;

}
