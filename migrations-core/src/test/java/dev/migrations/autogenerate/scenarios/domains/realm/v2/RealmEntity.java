package dev.migrations.autogenerate.scenarios.domains.realm.v2;

import java.math.BigInteger;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.Array;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.FractionalSeconds;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Nationalized;
import org.hibernate.annotations.TimeZoneStorage;
import org.hibernate.annotations.TimeZoneStorageType;
import org.hibernate.type.SqlTypes;

import dev.migrations.autogenerate.scenarios.domains.realm.CsvConverter;

@Entity
@Table(name = "realm", uniqueConstraints = @UniqueConstraint(name = "uk_realm_display", columnNames = { "displayName", "locale" }),
		indexes = @Index(name = "ix_realm_name_created", columnList = "name ASC, created DESC"))
@Comment("A realm of users and clients")
@Check(name = "realm_lifespan_positive", constraints = "access_token_lifespan >= 60")
public class RealmEntity {

	public enum SslRequired { ALL, EXTERNAL, NONE }

	public enum Flow { BROWSER, DIRECT_GRANT, RESET, DEVICE }

	@Id
	@Column(length = 36)
	private String id;

	@NotEmpty
	@Size(max = 100)
	@Column(unique = true)
	private String name;

	@Nationalized
	private String displayName;

	private Locale locale;

	private Currency currency;

	private ZoneId zone;

	private TimeZone timeZone;

	private URL frontendUrl;

	@Enumerated(EnumType.STRING)
	@Comment("Where SSL is required, by address")
	private SslRequired sslRequired;

	@Min(1)
	@Max(604800)
	private int accessTokenLifespan;

	@JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
	private Duration ssoIdle;

	private Duration ssoMax;

	private LocalTime backupAt;

	private OffsetTime officeOpens;

	private ZonedDateTime createdZoned;

	@TimeZoneStorage(TimeZoneStorageType.COLUMN)
	private OffsetDateTime lastLogin;

	@FractionalSeconds(6)
	private Instant created;

	@CurrentTimestamp
	private Instant touched;

	private BigInteger quota;

	@Column(precision = 15)
	private Double ratio;

	private float weight;

	private char flag;

	private Character grade;

	private byte level;

	private short priority;

	private byte[] logo;

	@JdbcTypeCode(SqlTypes.UUID)
	private String externalId;

	private UUID tenant;

	@JdbcTypeCode(SqlTypes.INET)
	private String lastIp;

	@Array(length = 5)
	private Integer[] otpDigits;

	private List<String> hosts;

	@Convert(converter = CsvConverter.class)
	private List<String> scopes;

	@ElementCollection
	@CollectionTable(name = "realm_required_flows", joinColumns = @JoinColumn(name = "realm_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "flow", length = 20)
	private Set<Flow> requiredFlows;

	@ElementCollection
	@CollectionTable(name = "realm_flow_timeouts", joinColumns = @JoinColumn(name = "realm_id"))
	@MapKeyEnumerated(EnumType.STRING)
	@MapKeyColumn(name = "flow", length = 20)
	@Column(name = "timeout_seconds")
	private Map<Flow, Integer> flowTimeouts;

	@ElementCollection
	@CollectionTable(name = "realm_ordinal_flows", joinColumns = @JoinColumn(name = "realm_id"))
	@Enumerated(EnumType.ORDINAL)
	@OrderColumn(name = "idx")
	private List<Flow> ordinalFlows;

	@OneToMany
	@JoinColumn(name = "realm_id", insertable = false, updatable = false)
	@OrderColumn(name = "priority_order")
	private List<ClientEntity> clients;

	@Version
	private Instant version;

}
