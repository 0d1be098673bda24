package dev.migrations.autogenerate.scenarios.apps.documents.v2;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Entity
@Table(name = "document")
public class Document implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue
	@Column(name = "id")
	UUID id;

	@NotNull
	@Size(max = 255)
	@Column(name = "title", length = 255, nullable = false)
	String title;

	@Lob
	@Column(name = "content", nullable = false)
	byte[] content;

	@NotNull
	@Column(name = "content_content_type", nullable = false)
	String contentContentType;

	@Column(name = "created_at")
	Instant createdAt;

	@ManyToOne(fetch = FetchType.LAZY)
	Folder folder;

}
