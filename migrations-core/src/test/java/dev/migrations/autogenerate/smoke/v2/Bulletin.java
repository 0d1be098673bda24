package dev.migrations.autogenerate.smoke.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

@Entity
@Table(indexes = @Index(name = "ix_bulletin_status", columnList = "status"))
public class Bulletin {

	@Id
	@GeneratedValue
	Long id;

	@Column(length = 500)
	String title;

	@Enumerated(EnumType.STRING)
	Status status;

	String sourceLink;

	public enum Status {

		DRAFT, PUBLISHED, ARCHIVED

	}

}
