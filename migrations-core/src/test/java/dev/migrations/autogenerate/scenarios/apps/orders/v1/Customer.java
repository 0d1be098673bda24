package dev.migrations.autogenerate.scenarios.apps.orders.v1;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.migrations.autogenerate.scenarios.apps.common.User;
import dev.migrations.autogenerate.scenarios.apps.orders.Gender;

@Entity
@Table(name = "customer")
public class Customer implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "first_name", nullable = false)
	String firstName;

	@NotNull
	@Column(name = "last_name", nullable = false)
	String lastName;

	@NotNull
	@Enumerated(EnumType.STRING)
	@Column(name = "gender", nullable = false)
	Gender gender;

	@NotNull
	@Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
	@Column(name = "email", nullable = false)
	String email;

	@NotNull
	@Column(name = "phone", nullable = false)
	String phone;

	@NotNull
	@Column(name = "address_line_1", nullable = false)
	String addressLine1;

	@Column(name = "address_line_2")
	String addressLine2;

	@NotNull
	@Column(name = "city", nullable = false)
	String city;

	@NotNull
	@Column(name = "country", nullable = false)
	String country;

	@OneToOne(optional = false)
	@NotNull
	@JoinColumn(unique = true)
	User user;

	@OneToMany(fetch = FetchType.LAZY, mappedBy = "customer")
	Set<ProductOrder> orders = new HashSet<>();

}
