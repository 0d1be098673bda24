package dev.migrations.maven;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands a command suggests, as a user of the plugin runs them. */
class MavenHintsTest {

	@Test
	void hintsNameTheGoalWithItsProperties() {
		assertThat(MavenHints.translate("2 revision(s) pending: a1, b2. Run `db upgrade`."))
			.isEqualTo("2 revision(s) pending: a1, b2. Run `mvn migrations:upgrade`.");
		assertThat(MavenHints.translate("then `db stamp 3f2a9c1b7d4e` the revision it is at"))
			.isEqualTo("then `mvn migrations:stamp -Dmigrations.target=3f2a9c1b7d4e` the revision it is at");
		assertThat(MavenHints.translate("Join them with `db merge -m \"merge heads\" d1 d2`."))
			.isEqualTo("Join them with `mvn migrations:merge -Dmigrations.message=\"merge heads\" -Dmigrations.revisions=d1,d2`.");
		assertThat(MavenHints.translate("Generate one with `db migrate -m \"...\"` and apply it with `db upgrade`"))
			.isEqualTo("Generate one with `mvn migrations:migrate -Dmigrations.message=...` and apply it with"
					+ " `mvn migrations:upgrade`");
		assertThat(MavenHints.translate("run `db upgrade head --sql`"))
			.isEqualTo("run `mvn migrations:upgrade -Dmigrations.sql=true -Dmigrations.target=head`");
		assertThat(MavenHints.translate("run `db stamp <revision> --tenant acme`"))
			.isEqualTo("run `mvn migrations:stamp -Dmigrations.target=<revision> -Dmigrations.arguments=\"--tenant acme\"`");
	}

	@Test
	void commandsWithoutAGoalAndOtherTextStayAsTheyAre() {
		assertThat(MavenHints.translate("run `db rehearse` on a copy")).isEqualTo("run `db rehearse` on a copy");
		assertThat(MavenHints.translate("INSERT INTO note VALUES ('`db upgrade` $1 \\\\');"))
			.isEqualTo("INSERT INTO note VALUES ('`mvn migrations:upgrade` $1 \\\\');");
		assertThat(MavenHints.translate("CREATE TABLE db (id int);")).isEqualTo("CREATE TABLE db (id int);");
		assertThat(MavenHints.translate("an unclosed `db show \"x`")).isEqualTo("an unclosed `db show \"x`");
		assertThat(MavenHints.translate("`db current` shows it")).isEqualTo("`mvn migrations:current` shows it");
	}

}
