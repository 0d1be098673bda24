package dev.migrations.autogenerate.scenarios.hibernate.jsonembeddable;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

@Embeddable
public class Preferences {

	public enum Theme { LIGHT, DARK }

	@Enumerated(EnumType.STRING)
	Theme theme;

	String language;

	boolean newsletter;

}
