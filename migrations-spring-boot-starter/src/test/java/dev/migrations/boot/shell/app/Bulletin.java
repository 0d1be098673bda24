package dev.migrations.boot.shell.app;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** The entity the revisions of the shell tests create: a table and an index on its title. */
@Entity
@Table(indexes = @Index(name = "ix_bulletin_title", columnList = "title"))
public class Bulletin {

	@Id
	private Long id;

	@Column(nullable = false, length = 200)
	private String title;

	protected Bulletin() {
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
