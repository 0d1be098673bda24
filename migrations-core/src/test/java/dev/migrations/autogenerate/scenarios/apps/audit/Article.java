package dev.migrations.autogenerate.scenarios.apps.audit;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.common.AbstractAuditingEntity;

@Entity
@Table(name = "article")
public class Article extends AbstractAuditingEntity<Long> implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotBlank
	@Size(max = 200)
	@Column(name = "title", length = 200, nullable = false)
	String title;

	@Override
	public Long getId() {
		return this.id;
	}

}
