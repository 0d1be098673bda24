package dev.migrations.boottests.nonjpa.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Writes through the {@code DataSource} itself in its constructor: Spring Boot orders such a bean after the
 * database's initialization only when it says so, with {@code @DependsOnDatabaseInitialization}.
 */
@Component
@DependsOnDatabaseInitialization
public class DataSourceQueries {

	public DataSourceQueries(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.executeUpdate("INSERT INTO customer (name, email) VALUES ('data-source', 'data-source@example.com')");
		}
	}

}
