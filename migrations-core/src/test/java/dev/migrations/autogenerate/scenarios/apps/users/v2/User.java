package dev.migrations.autogenerate.scenarios.apps.users.v2;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

import dev.migrations.autogenerate.scenarios.apps.common.AbstractAuditingEntity;
import dev.migrations.autogenerate.scenarios.apps.common.Authority;

/**
 * A user, as JHipster generates it.
 */
@Entity
@Table(name = "jhi_user")
@Cache(usage = CacheConcurrencyStrategy.NONSTRICT_READ_WRITE)
public class User extends AbstractAuditingEntity<Long> implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Pattern(regexp = "^(?>[a-zA-Z0-9!$&*+=?^_`{|}~.-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*)|(?>[_.@A-Za-z0-9-]+)$")
	@Size(min = 1, max = 50)
	@Column(length = 50, unique = true, nullable = false)
	String login;

	@NotNull
	@Size(min = 60, max = 60)
	@Column(name = "password_hash", length = 60, nullable = false)
	String password;

	@Size(max = 50)
	@Column(name = "first_name", length = 50)
	String firstName;

	@Size(max = 50)
	@Column(name = "last_name", length = 50)
	String lastName;

	@Email
	@Size(min = 5, max = 254)
	@Column(length = 254, unique = true)
	String email;

	@NotNull
	@Column(nullable = false)
	boolean activated = false;

	@Size(min = 2, max = 10)
	@Column(name = "lang_key", length = 10)
	String langKey;

	@Size(max = 512)
	@Column(name = "image_url", length = 512)
	String imageUrl;

	@Size(max = 20)
	@Column(name = "phone", length = 20)
	String phone;

	@Size(max = 20)
	@Column(name = "activation_key", length = 20)
	String activationKey;

	@Size(max = 20)
	@Column(name = "reset_key", length = 20)
	String resetKey;

	@Column(name = "reset_date")
	Instant resetDate = null;

	@ManyToMany
	@JoinTable(name = "jhi_user_authority", joinColumns = { @JoinColumn(name = "user_id", referencedColumnName = "id") },
			inverseJoinColumns = { @JoinColumn(name = "authority_name", referencedColumnName = "name") })
	@Cache(usage = CacheConcurrencyStrategy.NONSTRICT_READ_WRITE)
	@BatchSize(size = 20)
	Set<Authority> authorities = new HashSet<>();

	@Override
	public Long getId() {
		return this.id;
	}

}
