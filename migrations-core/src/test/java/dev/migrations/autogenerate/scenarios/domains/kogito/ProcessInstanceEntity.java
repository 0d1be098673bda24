package dev.migrations.autogenerate.scenarios.domains.kogito;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import tools.jackson.databind.JsonNode;

/**
 * Kogito data index's {@code ProcessInstanceEntity}: camel-case names as Quarkus leaves them, sets of
 * strings whose collection tables name their foreign keys, JSON through a converter into a column declared
 * {@code jsonb}, zoned date-times. Left out: the milestones, and the {@code @JoinColumn} Kogito also puts
 * directly on each element collection, which Hibernate 7 refuses.
 */
@Entity(name = "processes")
@Table(name = "processes")
public class ProcessInstanceEntity {

	@Id
	private String id;

	private String processId;

	private String version;

	private String processName;

	private Integer state;

	private String businessKey;

	private String endpoint;

	@ElementCollection
	@CollectionTable(name = "processes_roles",
			joinColumns = @JoinColumn(name = "process_id", foreignKey = @ForeignKey(name = "fk_processes_roles_processes")))
	@Column(name = "role", nullable = false)
	private Set<String> roles;

	@Column(name = "startTime")
	private ZonedDateTime start;

	@Column(name = "endTime")
	private ZonedDateTime end;

	private String rootProcessInstanceId;

	private String rootProcessId;

	private String parentProcessInstanceId;

	@Column(name = "lastUpdateTime")
	private ZonedDateTime lastUpdate;

	private String createdBy;

	private String updatedBy;

	@Convert(converter = JsonBinaryConverter.class)
	@Column(columnDefinition = "jsonb")
	private JsonNode variables;

	@OneToMany(cascade = CascadeType.ALL, mappedBy = "processInstance")
	private List<NodeInstanceEntity> nodes;

	@ElementCollection
	@CollectionTable(name = "processes_addons",
			joinColumns = @JoinColumn(name = "process_id", foreignKey = @ForeignKey(name = "fk_processes_addons_processes")))
	@Column(name = "addon", nullable = false)
	private Set<String> addons;

	@Embedded
	private ProcessInstanceErrorEntity error;

}
