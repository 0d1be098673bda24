package dev.migrations;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnreachableDatabaseTest {

	@Test
	void anUnknownHostIsNamedBesideTheDriversGeneralAnswer(@TempDir Path revisions) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl("jdbc:postgresql://no-such-host.invalid:5432/none");
		dataSource.setConnectTimeout(60);
		assertThatThrownBy(() -> Migrations.configure().dataSource(dataSource).locations("filesystem:" + revisions).load())
			.isInstanceOf(MigrationsException.class)
			.hasMessageStartingWith("Could not connect to the database to detect its dialect: ")
			.hasMessageEndingWith("(unknown host no-such-host.invalid)");
	}

}
