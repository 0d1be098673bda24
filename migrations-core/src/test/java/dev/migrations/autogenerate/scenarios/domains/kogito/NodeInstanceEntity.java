package dev.migrations.autogenerate.scenarios.domains.kogito;

import java.time.ZonedDateTime;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import tools.jackson.databind.JsonNode;

/** A named foreign key with {@code @OnDelete(CASCADE)}, columns named after SQL keywords ({@code enter}, {@code exit}). */
@Entity(name = "nodes")
@Table(name = "nodes")
public class NodeInstanceEntity {

	@Id
	private String id;

	private String name;

	private String nodeId;

	private String type;

	private ZonedDateTime enter;

	private ZonedDateTime exit;

	private ZonedDateTime slaDueDate;

	private String definitionId;

	private Boolean retrigger;

	private String errorMessage;

	@Enumerated(EnumType.STRING)
	private CancelType cancelType;

	@ManyToOne(cascade = CascadeType.ALL, optional = false)
	@OnDelete(action = OnDeleteAction.CASCADE)
	@JoinColumn(name = "processInstanceId", foreignKey = @ForeignKey(name = "fk_nodes_process"))
	private ProcessInstanceEntity processInstance;

	@Convert(converter = JsonBinaryConverter.class)
	@Column(columnDefinition = "jsonb")
	private JsonNode inputArgs;

	@Convert(converter = JsonBinaryConverter.class)
	@Column(columnDefinition = "jsonb")
	private JsonNode outputArgs;

}
