package dev.migrations.boot;

import java.util.regex.Pattern;

import javax.sql.DataSource;

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

	private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)((?:password|pwd)=)[^&;]*");

	private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

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

	static String withoutPassword(String url) {
		String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1******");
		return USER_INFO.matcher(masked).replaceAll("//$1:******@");
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
