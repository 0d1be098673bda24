package dev.migrations.autogenerate.scenarios.domains.identity;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

public class UserRoleMappingKey implements Serializable {

	private UUID user;

	private String roleId;

	@Override
	public boolean equals(Object other) {
		return other instanceof UserRoleMappingKey key && Objects.equals(this.user, key.user)
				&& Objects.equals(this.roleId, key.roleId);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.user, this.roleId);
	}

}
