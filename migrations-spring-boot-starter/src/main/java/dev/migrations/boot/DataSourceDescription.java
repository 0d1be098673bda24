package dev.migrations.boot;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrations.Secrets;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Where a {@link DataSource} connects, for messages: its JDBC URL without credentials and its user.
 *
 * @param url the URL with passwords masked; {@code null} when it cannot be told
 * @param user the user; {@code null} when it cannot be told
 */
record DataSourceDescription(String url, String user) {

	private static final Pattern USER_PARAMETER = Pattern.compile("(?i)[?&;]user=([^&;]*)");

	private static final Pattern USER_IN_AUTHORITY = Pattern.compile("^jdbc:[^/]*//([^/@:?]+)(?::[^/@]*)?@");

	DataSourceDescription {
		url = (url != null) ? withoutPassword(url) : null;
	}

	/** Reads the URL and user from the data source's bean properties, as pools and drivers expose them. */
	static DataSourceDescription of(DataSource dataSource) {
		DataSource target = dataSource;
		while (target instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
			target = delegating.getTargetDataSource();
		}
		BeanWrapper properties = new BeanWrapperImpl(target);
		return new DataSourceDescription(read(properties, "jdbcUrl", "url", "URL"), read(properties, "username", "user"));
	}

	/** As {@link #of(DataSource)}, with the user that connects as far as it can be told (see {@link #user}). */
	static DataSourceDescription ofConnection(DataSource dataSource) {
		DataSourceDescription configured = of(dataSource);
		return new DataSourceDescription(configured.url(), user(configured.url(), configured.user()));
	}

	/**
	 * The user that connects: a user the URL names ({@code ?user=}, {@code //user@host}) is the one
	 * PostgreSQL's driver logs in as, whatever the username property says; with another driver, when
	 * they differ, which one wins is the driver's business, and no user is named.
	 */
	static String user(String url, String property) {
		if (url == null) {
			return property;
		}
		Matcher parameter = USER_PARAMETER.matcher(url);
		Matcher info = USER_IN_AUTHORITY.matcher(url);
		String inUrl = parameter.find() ? parameter.group(1) : info.find() ? info.group(1) : null;
		if (inUrl == null || inUrl.isEmpty() || inUrl.equals(property)) {
			return property;
		}
		return (property == null || url.startsWith("jdbc:postgresql:")) ? inUrl : null;
	}

	static String withoutPassword(String url) {
		return Secrets.maskUrl(url);
	}

	/**
	 * The passwords the data source connects with, for masking them where a driver's message repeats them: those
	 * of its URL and its password property.
	 */
	static Set<String> passwords(DataSource dataSource) {
		DataSource target = dataSource;
		while (target instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
			target = delegating.getTargetDataSource();
		}
		BeanWrapper properties = new BeanWrapperImpl(target);
		Set<String> passwords = new LinkedHashSet<>(Secrets.inUrl(read(properties, "jdbcUrl", "url", "URL")));
		String password = read(properties, "password");
		if (password != null) {
			passwords.add(password);
		}
		return passwords;
	}

	private static String read(BeanWrapper properties, String... names) {
		for (String name : names) {
			try {
				if (properties.isReadableProperty(name) && properties.getPropertyValue(name) instanceof String value) {
					return value;
				}
			}
			catch (RuntimeException ex) {
				// a getter that fails (e.g. a pool not started) tells nothing
			}
		}
		return null;
	}

}
