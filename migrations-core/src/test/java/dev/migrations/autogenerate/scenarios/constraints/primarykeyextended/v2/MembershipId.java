package dev.migrations.autogenerate.scenarios.constraints.primarykeyextended.v2;

import java.io.Serializable;
import java.util.Objects;

public class MembershipId implements Serializable {

	Long userId;

	Long groupId;

	@Override
	public boolean equals(Object other) {
		return other instanceof MembershipId that && Objects.equals(this.userId, that.userId)
				&& Objects.equals(this.groupId, that.groupId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.userId, this.groupId);
	}

}
