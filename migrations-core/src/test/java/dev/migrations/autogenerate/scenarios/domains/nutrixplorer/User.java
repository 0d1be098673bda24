package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;

/**
 * The users, in a table and schema named in capitals, their personal data in a secondary table joined by
 * {@code user_id}, with unique columns there.
 */
@Entity
@Table(name = "USERS", schema = "PUBLIC")
@SecondaryTable(name = "PERSONAL_DATA", pkJoinColumns = @PrimaryKeyJoinColumn(name = "user_id"), schema = "PUBLIC")
public class User extends AbstractEntity {

	@Column(name = "first_name", table = "PERSONAL_DATA", nullable = false, length = 50)
	private String firstName;

	@Column(name = "last_name", table = "PERSONAL_DATA", nullable = false, length = 50)
	private String lastName;

	@Column(name = "email", table = "PERSONAL_DATA", nullable = false, unique = true, length = 50)
	private String email;

	@Column(name = "google_id", table = "PERSONAL_DATA", unique = true, length = 30)
	private String googleId;

	@Column(name = "password", length = 64)
	private String password;

	@Column(name = "login_attempts", nullable = false)
	private int loginAttempts = 0;

	@Column(name = "last_successful_login")
	private LocalDateTime lastSuccessfulLogin;

	@Column(name = "last_failed_login")
	private LocalDateTime lastFailedLogin;

	@Column(name = "last_successful_login_ip")
	private String lastSuccessfulLoginIp;

	@Column(name = "last_failed_login_ip")
	private String lastFailedLoginIp;

	@Column(name = "blocked", nullable = false)
	private boolean blocked = false;

	@Column(name = "verified", nullable = false)
	private boolean verified = false;

	@Column(name = "active", nullable = false)
	private boolean active = true;

	@OneToMany(mappedBy = "user", cascade = CascadeType.ALL, fetch = FetchType.LAZY)
	private List<AccessLevel> accessLevels = new ArrayList<>();

}
