package dev.migrations.autogenerate.scenarios.apps.audit.v2;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.audit.Article;
import dev.migrations.autogenerate.scenarios.apps.common.AbstractAuditingEntity;

@Entity
@Table(name = "reaction")
public class Reaction extends AbstractAuditingEntity<Long> implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Size(max = 16)
	@Column(name = "emoji")
	String emoji;

	@ManyToOne(optional = false)
	@NotNull
	Article article;

	@Override
	public Long getId() {
		return this.id;
	}

}
