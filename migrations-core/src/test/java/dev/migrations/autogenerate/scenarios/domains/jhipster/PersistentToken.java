package dev.migrations.autogenerate.scenarios.domains.jhipster;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A remember-me token: an assigned string id, a local date, {@code @Size(min = 0)}. */
@Entity
@Table(name = "jhi_persistent_token")
public class PersistentToken {

	@Id
	private String series;

	@NotNull
	@Column(name = "token_value", nullable = false)
	private String tokenValue;

	@Column(name = "token_date")
	private LocalDate tokenDate;

	@Size(min = 0, max = 39)
	@Column(name = "ip_address", length = 39)
	private String ipAddress;

	@Column(name = "user_agent")
	private String userAgent;

	@ManyToOne
	private User user;

}
