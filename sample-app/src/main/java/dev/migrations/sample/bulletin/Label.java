package dev.migrations.sample.bulletin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A label bulletins are tagged with. */
@Entity
public class Label {

	@Id
	@GeneratedValue
	private Long id;

	@Column(nullable = false, unique = true, length = 100)
	private String title;

	protected Label() {
	}

	public Label(String title) {
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
