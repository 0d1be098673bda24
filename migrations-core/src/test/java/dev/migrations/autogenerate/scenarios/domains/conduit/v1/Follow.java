package dev.migrations.autogenerate.scenarios.domains.conduit.v1;

import java.time.Instant;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import org.hibernate.annotations.CreationTimestamp;

import dev.migrations.autogenerate.scenarios.domains.conduit.FollowId;

@Entity
@Table(name = "follows")
public class Follow {

	@EmbeddedId
	private FollowId id;

	@MapsId("followerId")
	@ManyToOne(optional = false)
	private User follower;

	@MapsId("followeeId")
	@ManyToOne(optional = false)
	private User followee;

	@CreationTimestamp
	private Instant since;

}
