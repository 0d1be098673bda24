package dev.migrations.entity;

import org.hibernate.engine.jdbc.connections.spi.DatabaseConnectionInfo;
import org.hibernate.engine.jdbc.env.internal.JdbcEnvironmentInitiator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hibernate's JDBC environment, without the "Database info" block it logs at INFO each time a
 * registry starts. Built without a connection, the block is all {@code undefined/unknown}, and in a
 * running application it would follow the real one the EntityManagerFactory logged at startup,
 * every time the entities are read; it is logged at DEBUG instead. Hibernate keeps
 * {@link #logConnectionInfo} overridable for this.
 */
final class QuietJdbcEnvironmentInitiator extends JdbcEnvironmentInitiator {

	static final QuietJdbcEnvironmentInitiator INSTANCE = new QuietJdbcEnvironmentInitiator();

	private static final Logger logger = LoggerFactory.getLogger(EntityMetadataReader.class);

	@Override
	protected void logConnectionInfo(DatabaseConnectionInfo databaseConnectionInfo) {
		if (logger.isDebugEnabled()) {
			logger.debug("Hibernate's database info for the entity metadata:\n{}", databaseConnectionInfo.toInfoString());
		}
	}

}
