package dev.migrations.autogenerate.scenarios.apps.documents.v2;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "folder")
public class Folder implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue
	@Column(name = "id")
	UUID id;

	@NotBlank
	@Size(max = 100)
	@Column(name = "name", length = 100)
	String name;

	@ManyToOne(fetch = FetchType.LAZY)
	Folder parent;

}
