package dev.migrations.autogenerate.scenarios.apps.chat.v1;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.migrations.autogenerate.scenarios.apps.chat.Conversation;
import dev.migrations.autogenerate.scenarios.apps.common.User;

@Entity
@Table(name = "message")
public class Message implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@NotBlank
	@Lob
	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	@Column(name = "content")
	String content;

	@NotNull
	@Column(name = "sent_at")
	Instant sentAt;

	@ManyToOne(optional = false)
	@NotNull
	Conversation conversation;

	@ManyToOne(fetch = FetchType.LAZY)
	User author;

}
