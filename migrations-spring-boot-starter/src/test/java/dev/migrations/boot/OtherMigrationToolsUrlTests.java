package dev.migrations.boot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When another tool's URL names the database the application's does: the stop must not depend on spelling. */
class OtherMigrationToolsUrlTests {

	@Test
	void theSameServerSpelledOtherwiseIsTheSameDatabase() {
		String ours = "jdbc:postgresql://127.0.0.1:5432/shop";
		assertThat(OtherMigrationTools.sameDatabase(ours, "jdbc:postgresql://127.0.0.1/shop")).isTrue();
		assertThat(OtherMigrationTools.sameDatabase(ours, "jdbc:postgresql://localhost:5432/shop")).isTrue();
		assertThat(OtherMigrationTools.sameDatabase(ours, "jdbc:postgresql://LOCALHOST/shop?sslmode=disable")).isTrue();
		assertThat(OtherMigrationTools.sameDatabase(ours, "jdbc:postgresql:shop")).isTrue();
		assertThat(OtherMigrationTools.sameDatabase("jdbc:mariadb://localhost/shop", "jdbc:mariadb://127.0.0.1:3306/shop"))
			.isTrue();
	}

	@Test
	void anotherPortHostOrDatabaseIsAnotherDatabase() {
		String ours = "jdbc:postgresql://127.0.0.1:5432/shop";
		assertThat(OtherMigrationTools.sameDatabase(ours, "jdbc:postgresql://127.0.0.1:5433/shop")).isFalse();
		assertThat(OtherMigrationTools.sameDatabase(ours, "jdbc:postgresql://db.example.com/shop")).isFalse();
		assertThat(OtherMigrationTools.sameDatabase(ours, "jdbc:postgresql://127.0.0.1:5432/shop_audit")).isFalse();
	}

}
