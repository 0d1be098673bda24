package dev.migrations.autogenerate.scenarios.apps.chat;

import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;

import dev.migrations.autogenerate.scenarios.apps.common.User;

@Entity
@Table(name = "conversation")
public class Conversation implements Serializable {

	private static final long serialVersionUID = 1L;

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sequenceGenerator")
	@SequenceGenerator(name = "sequenceGenerator")
	@Column(name = "id")
	Long id;

	@Size(max = 120)
	@Column(name = "topic")
	String topic;

	@ManyToMany
	@JoinTable(name = "rel_conversation__participant", joinColumns = @JoinColumn(name = "conversation_id"),
			inverseJoinColumns = @JoinColumn(name = "participant_id"))
	Set<User> participants = new HashSet<>();

}
