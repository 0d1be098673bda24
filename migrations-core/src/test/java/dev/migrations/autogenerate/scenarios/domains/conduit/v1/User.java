package dev.migrations.autogenerate.scenarios.domains.conduit.v1;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.NaturalId;

import dev.migrations.autogenerate.scenarios.domains.conduit.AuditedEntity;

@Entity
@Table(name = "users")
public class User extends AuditedEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@NaturalId(mutable = true)
	@Email
	@NotBlank
	@Column(unique = true)
	private String email;

	@NotBlank
	@Size(min = 3, max = 50)
	@Pattern(regexp = "[a-zA-Z0-9_-]+")
	@Column(unique = true)
	private String username;

	@NotBlank
	private String password;

	@Size(max = 1000)
	private String bio;

	private String image;

}
