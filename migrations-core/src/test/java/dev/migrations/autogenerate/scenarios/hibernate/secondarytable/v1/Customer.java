package dev.migrations.autogenerate.scenarios.hibernate.secondarytable.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;

@Entity
@SecondaryTable(name = "customer_details", pkJoinColumns = @PrimaryKeyJoinColumn(name = "customer_id"))
public class Customer {

	@Id
	Long id;

	String name;

	@Column(table = "customer_details", length = 2000)
	String notes;

}
