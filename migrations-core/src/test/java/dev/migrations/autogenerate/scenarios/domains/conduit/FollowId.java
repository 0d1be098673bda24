package dev.migrations.autogenerate.scenarios.domains.conduit;

import java.io.Serializable;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class FollowId implements Serializable {

	@Column(name = "follower_id")
	private UUID followerId;

	@Column(name = "followee_id")
	private UUID followeeId;

}
