package dev.migrations.autogenerate.scenarios.hibernate.contributed.v2;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import dev.migrations.autogenerate.scenarios.hibernate.contributed.AuditTrail;

@Entity
@AuditTrail
public class Ledger {

	@Id
	Long id;

	BigDecimal balance;

}
