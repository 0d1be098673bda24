package dev.migrations.autogenerate.scenarios.domains.kogito;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class ProcessInstanceErrorEntity {

	@Column(name = "errorNodeDefinitionId")
	private String nodeDefinitionId;

	@Column(name = "errorMessage")
	private String message;

}
