package dev.migrations.entity;

import java.sql.DatabaseMetaData;
import java.util.Map;

import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectFactory;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentImpl;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hibernate's JDBC environment, without the "Database info" block it logs at INFO each time a
 * registry starts. Built without a connection, the block is all {@code undefined/unknown}, and in a
 * running application it would follow the real one the EntityManagerFactory logged at startup,
 * every time the entities are read; it is logged at DEBUG instead. Hibernate keeps
 * {@link #logConnectionInfo} overridable for this.
 * <p>
 * Without a connection, Hibernate's dialect knows only its own keywords; the application's, built
 * from a connection, also registers the words the JDBC driver reports
 * ({@link DatabaseMetaData#getSQLKeywords()}: PostgreSQL's {@code limit}, {@code offset},
 * {@code verbose}, ...), which {@code hibernate.auto_quote_keyword} quotes. The
 * {@link EntityMetadataReader#SQL_KEYWORDS} setting brings those words, read from the live database,
 * to the dialect the same way.
 */
final class QuietJdbcEnvironmentInitiator extends JdbcEnvironmentInitiator {

	static final QuietJdbcEnvironmentInitiator INSTANCE = new QuietJdbcEnvironmentInitiator();

	private static final Logger logger = LoggerFactory.getLogger(EntityMetadataReader.class);

	@Override
	protected JdbcEnvironmentImpl getJdbcEnvironmentWithExplicitConfiguration(Map<String, Object> configurationValues,
			ServiceRegistryImplementor registry, DialectFactory dialectFactory, DialectResolutionInfo info) {
		Object keywords = configurationValues.get(EntityMetadataReader.SQL_KEYWORDS);
		boolean given = keywords != null && !keywords.toString().isBlank()
				&& (info.getSQLKeywords() == null || info.getSQLKeywords().isBlank());
		return super.getJdbcEnvironmentWithExplicitConfiguration(configurationValues, registry, dialectFactory,
				given ? new WithKeywords(info, keywords.toString()) : info);
	}

	@Override
	protected void logConnectionInfo(DatabaseConnectionInfo databaseConnectionInfo) {
		if (logger.isDebugEnabled()) {
			logger.debug("Hibernate's database info for the entity metadata:\n{}", databaseConnectionInfo.toInfoString());
		}
	}

	/** The resolution info Hibernate built from the settings, with the driver's keywords. */
	private record WithKeywords(DialectResolutionInfo info, String keywords) implements DialectResolutionInfo {

		@Override
		public String getSQLKeywords() {
			return this.keywords;
		}

		@Override
		public String getDatabaseName() {
			return this.info.getDatabaseName();
		}

		@Override
		public String getDatabaseVersion() {
			return this.info.getDatabaseVersion();
		}

		@Override
		public int getDatabaseMajorVersion() {
			return this.info.getDatabaseMajorVersion();
		}

		@Override
		public int getDatabaseMinorVersion() {
			return this.info.getDatabaseMinorVersion();
		}

		@Override
		public int getDatabaseMicroVersion() {
			return this.info.getDatabaseMicroVersion();
		}

		@Override
		public String getDriverName() {
			return this.info.getDriverName();
		}

		@Override
		public int getDriverMajorVersion() {
			return this.info.getDriverMajorVersion();
		}

		@Override
		public int getDriverMinorVersion() {
			return this.info.getDriverMinorVersion();
		}

		@Override
		public DatabaseMetaData getDatabaseMetadata() {
			return this.info.getDatabaseMetadata();
		}

		@Override
		public Map<String, Object> getConfigurationValues() {
			return this.info.getConfigurationValues();
		}

		@Override
		public String toString() {
			return this.info.toString();
		}

	}

}
