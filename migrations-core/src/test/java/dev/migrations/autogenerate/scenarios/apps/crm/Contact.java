package dev.migrations.autogenerate.scenarios.apps.crm;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "contact")
public class Contact implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Size(max = 50)
	@Column(name = "first_name", nullable = false)
	String firstName;

	@NotNull
	@Size(max = 50)
	@Column(name = "last_name", nullable = false)
	String lastName;

	@Email
	@Size(max = 254)
	@Column(name = "email")
	String email;

	@Size(max = 30)
	@Column(name = "phone")
	String phone;

	@ManyToOne(fetch = FetchType.LAZY)
	Company company;

}
