package dev.migrations.autogenerate.scenarios.apps.conference.v2;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "speaker")
public class Speaker implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "first_name", nullable = false)
	String firstName;

	@NotNull
	@Column(name = "last_name", nullable = false)
	String lastName;

	@NotNull
	@Column(name = "email", nullable = false)
	String email;

	@NotNull
	@Size(max = 15)
	@Column(name = "twitter", nullable = false)
	String twitter;

	@Lob
	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	@Column(name = "bio", nullable = false)
	String bio;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "rel_speaker__session", joinColumns = @JoinColumn(name = "speaker_id"),
			inverseJoinColumns = @JoinColumn(name = "session_id"))
	Set<Session> sessions = new HashSet<>();

}
