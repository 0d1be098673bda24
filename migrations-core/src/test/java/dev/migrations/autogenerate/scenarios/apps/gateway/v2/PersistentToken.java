package dev.migrations.autogenerate.scenarios.apps.gateway.v2;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.common.User;

@Entity
@Table(name = "jhi_persistent_token")
public class PersistentToken implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@Size(max = 20)
	@Column(length = 20)
	String series;

	@NotNull
	@Size(max = 20)
	@Column(name = "token_value", nullable = false, length = 20)
	String tokenValue;

	@Column(name = "token_date")
	LocalDate tokenDate;

	@Size(min = 0, max = 39)
	@Column(name = "ip_address", length = 39)
	String ipAddress;

	@Column(name = "user_agent")
	String userAgent;

	@ManyToOne
	User user;

}
