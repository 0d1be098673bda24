package dev.migrations.autogenerate.scenarios.domains.identity.v2;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.migrations.autogenerate.scenarios.domains.identity.EventKind;

@Entity
@Table(name = "REALM")
public class RealmEntity {

	@Id
	@Column(name = "ID", length = 36)
	private String id;

	@Column(name = "NAME", unique = true)
	private String name;

	@Column(name = "ENABLED")
	private boolean enabled;

	@Column(name = "SSL_REQUIRED")
	private String sslRequired;

	@Column(name = "REGISTRATION_ALLOWED")
	private Boolean registrationAllowed;

	@Column(name = "ACCESS_TOKEN_LIFESPAN")
	private int accessTokenLifespan;

	@Column(name = "NOT_BEFORE")
	private long notBefore;

	@Column(name = "PASSWORD_HISTORY")
	private short passwordHistory;

	@Column(name = "OTP_DIGITS")
	private byte otpDigits;

	@Column(name = "OTP_KIND")
	private char otpKind;

	@Column(name = "THEME_CODE")
	private Character themeCode;

	@Column(name = "LOGIN_LIFESPAN")
	private Short loginLifespan;

	@Column(name = "LOCKOUT_FACTOR")
	private float lockoutFactor;

	@Column(name = "LOCKOUT_WAIT")
	private double lockoutWait;

	@Version
	@Column(name = "VERSION")
	private Long version;

	@ElementCollection
	@MapKeyColumn(name = "NAME")
	@Column(name = "VALUE", length = 4000)
	@CollectionTable(name = "REALM_ATTRIBUTE", joinColumns = @JoinColumn(name = "REALM_ID"))
	private Map<String, String> attributes = new HashMap<>();

	@ElementCollection
	@Column(name = "VALUE")
	@CollectionTable(name = "REALM_SUPPORTED_LOCALES", joinColumns = @JoinColumn(name = "REALM_ID"))
	private Set<String> supportedLocales = new HashSet<>();

	@ElementCollection
	@MapKeyEnumerated(EnumType.STRING)
	@MapKeyColumn(name = "EVENT_KIND", length = 20)
	@Column(name = "EXPIRATION")
	@CollectionTable(name = "REALM_EVENT_EXPIRATION", joinColumns = @JoinColumn(name = "REALM_ID"))
	private Map<EventKind, Long> eventExpirations = new HashMap<>();

	@ElementCollection
	@OrderColumn(name = "PRIORITY")
	@Column(name = "ACTION", nullable = false)
	@CollectionTable(name = "REALM_REQUIRED_ACTION", joinColumns = @JoinColumn(name = "REALM_ID"))
	private List<String> requiredActions;

	@Column(name = "DISPLAY_NAME_HTML", length = 2048)
	private String displayNameHtml;

}
