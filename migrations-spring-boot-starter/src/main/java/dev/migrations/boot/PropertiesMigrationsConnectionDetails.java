package dev.migrations.boot;

import org.springframework.util.StringUtils;

/** {@link MigrationsConnectionDetails} from {@code migrations.url}, {@code user} and {@code password}. */
final class PropertiesMigrationsConnectionDetails implements MigrationsConnectionDetails {

	private final MigrationsProperties properties;

	PropertiesMigrationsConnectionDetails(MigrationsProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getJdbcUrl() {
		return textOrNull(this.properties.getUrl());
	}

	@Override
	public String getUsername() {
		return textOrNull(this.properties.getUser());
	}

	@Override
	public String getPassword() {
		return this.properties.getPassword();
	}

	@Override
	public String getDriverClassName() {
		String configured = textOrNull(this.properties.getDriverClassName());
		return (configured != null) ? configured : MigrationsConnectionDetails.super.getDriverClassName();
	}

	private static String textOrNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
