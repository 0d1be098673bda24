package dev.migrations.boottests.libraries.auditing.v2;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/** Adds the other two auditing fields; the version becomes an {@code Integer}. */
@Entity
@EntityListeners(AuditingEntityListener.class)
public class Article {

	@Id
	@GeneratedValue
	Long id;

	String title;

	@CreatedBy
	@Column(length = 50)
	String createdBy;

	@CreatedDate
	@Column(nullable = false, updatable = false)
	Instant createdAt;

	@LastModifiedBy
	@Column(length = 50)
	String lastModifiedBy;

	@LastModifiedDate
	Instant lastModifiedAt;

	@Version
	Integer version;

	public Article() {
	}

	public Article(String title) {
		this.title = title;
	}

}
