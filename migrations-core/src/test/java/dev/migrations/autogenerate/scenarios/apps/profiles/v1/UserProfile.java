package dev.migrations.autogenerate.scenarios.apps.profiles.v1;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.common.User;

@Entity
@Table(name = "user_profile")
public class UserProfile implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@Column(name = "id")
	Long id;

	@OneToOne
	@MapsId
	@JoinColumn(name = "id")
	User user;

	@Size(max = 2000)
	@Column(name = "bio", length = 2000)
	String bio;

	@Column(name = "birth_date")
	LocalDate birthDate;

	@Pattern(regexp = "^https?://.*$")
	@Column(name = "website")
	String website;

}
