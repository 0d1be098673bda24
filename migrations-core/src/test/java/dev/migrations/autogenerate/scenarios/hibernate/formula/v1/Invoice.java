package dev.migrations.autogenerate.scenarios.hibernate.formula.v1;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import org.hibernate.annotations.Formula;

@Entity
public class Invoice {

	@Id
	Long id;

	BigDecimal net;

	BigDecimal tax;

	// computed by the database in each select, not a column
	@Formula("net + tax")
	BigDecimal gross;

}
