package dev.migrations.autogenerate.extensions.v2;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.ColumnDefault;

/** Types and functions of extensions installed in the compared schema, as most applications install them. */
@Entity
public class Member {

	@Id
	@ColumnDefault("uuid_generate_v4()")
	UUID id;

	@Column(columnDefinition = "citext", unique = true)
	String email;

	@Column(columnDefinition = "citext[]")
	String[] aliases;

	@Column(columnDefinition = "ltree")
	String path;

	@Column(columnDefinition = "citext")
	String nickname;
}
