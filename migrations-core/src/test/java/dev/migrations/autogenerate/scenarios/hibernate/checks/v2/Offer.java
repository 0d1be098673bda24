package dev.migrations.autogenerate.scenarios.hibernate.checks.v2;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.LocalDate;
import org.hibernate.annotations.Check;

@Entity
@Check(name = "offer_dates", constraints = "valid_to >= valid_from")
public class Offer {

	@Id
	Long id;

	LocalDate validFrom;

	LocalDate validTo;

	@Check(constraints = "discount between 0 and 100")
	Integer discount;

}
