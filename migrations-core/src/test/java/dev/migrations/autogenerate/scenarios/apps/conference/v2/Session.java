package dev.migrations.autogenerate.scenarios.apps.conference.v2;

import java.io.Serializable;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "session")
public class Session implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotNull
	@Column(name = "title", nullable = false)
	String title;

	@Lob
	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	@Column(name = "description")
	String description;

	@NotNull
	@Column(name = "start_date_time", nullable = false)
	ZonedDateTime startDateTime;

	@NotNull
	@Column(name = "end_date_time", nullable = false)
	ZonedDateTime endDateTime;

	@ManyToOne(fetch = FetchType.LAZY)
	Room room;

	@ManyToMany(fetch = FetchType.LAZY, mappedBy = "sessions")
	Set<Speaker> speakers = new HashSet<>();

}
