package dev.migrations.maven;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

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
		assertThat(MavenHints.translate("'-1' goes back: run `db downgrade -1` to unapply 1 revision"))
			.isEqualTo("'-1' goes back: run `mvn migrations:downgrade -Dmigrations.target=-1` to unapply 1 revision");
		assertThat(MavenHints.translate("name a head with `db revision -m x --head a1` or `db revision -m x --splice`"))
			.isEqualTo("name a head with `mvn migrations:revision -Dmigrations.message=x -Dmigrations.head=a1` or"
					+ " `mvn migrations:revision -Dmigrations.message=x -Dmigrations.splice=true`");
		// as the refusal to write on a revision that is not a head says it
		assertThat(MavenHints.translate("Pass --splice to start one (`db revision -m \"fix billing\" --head 1a2b3c4d5e6f --splice`)"))
			.isEqualTo("Pass --splice to start one (`mvn migrations:revision -Dmigrations.message=\"fix billing\""
					+ " -Dmigrations.head=1a2b3c4d5e6f -Dmigrations.splice=true`)");
		assertThat(MavenHints.translate("run `db stamp <revision> --tenant acme`"))
			.isEqualTo("run `mvn migrations:stamp -Dmigrations.target=<revision> -Dmigrations.arguments=\"--tenant acme\"`");
	}

	@Test
	void aTenantsNameInQuotesIsPassedToTheGoalAsItIsSoTheHintActsOnThatTenantAlone() throws Exception {
		// as a tenant's failure advises: typed in a shell, the goal must hand the command the same words
		assertThat(MavenHints.translate("run `db stamp 3f2a --tenant '\"all\"'`"))
			.isEqualTo("run `mvn migrations:stamp -Dmigrations.target=3f2a -Dmigrations.arguments='--tenant '\\''\"all\"'\\'''`");
		assertThat(MavenHints.translate("run `db stamp 3f2a --tenant 'Acme Corp'`"))
			.isEqualTo("run `mvn migrations:stamp -Dmigrations.target=3f2a -Dmigrations.arguments='--tenant \"Acme Corp\"'`");
		for (String tenant : List.of("'\"all\"'", "'\"a,b\"'", "'Acme Corp'", "'\"x\"\"y\"'", "'$HOME !x'")) {
			String goal = MavenHints.translate("`db upgrade --tenant " + tenant + "`");
			String option = goal.substring(goal.indexOf("-Dmigrations.arguments=") + "-Dmigrations.arguments=".length(),
					goal.length() - 1);
			Process shell = new ProcessBuilder("sh", "-c", "printf '%s' " + option).start();
			String arguments = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(shell.waitFor()).isZero();
			assertThat(Words.split(arguments)).containsExactly("--tenant", Words.split(tenant).get(0));
		}
	}

	@Test
	void hintsRepeatTheOptionsOfTheCommandLineThatChoseTheDatabase() {
		Properties commandLine = new Properties();
		commandLine.setProperty("migrations.profiles", "staging");
		commandLine.setProperty("spring.datasource.url", "jdbc:postgresql://staging/shop?ssl=true&user=app");
		commandLine.setProperty("migrations.jvmArguments", "-Xmx1g -Dspring.jpa.show-sql=false");
		commandLine.setProperty("migrations.schema", "sales");
		// the goal's own, and Maven's
		commandLine.setProperty("migrations.target", "+1");
		commandLine.setProperty("migrations.failOnDrift", "true");
		commandLine.setProperty("skipTests", "true");
		List<String> options = AbstractDbMojo.databaseOptions(commandLine);
		assertThat(MavenHints.translate("2 revision(s) pending: a1, b2. Run `db upgrade`.", options))
			.isEqualTo("2 revision(s) pending: a1, b2. Run `mvn migrations:upgrade"
					+ " -Dmigrations.jvmArguments=\"-Xmx1g -Dspring.jpa.show-sql=false\" -Dmigrations.profiles=staging"
					+ " -Dmigrations.schema=sales -Dspring.datasource.url=\"jdbc:postgresql://staging/shop?ssl=true&user=app\"`.");
		assertThat(MavenHints.translate("then `db stamp 3f2a9c1b7d4e`", List.of("-Dmigrations.profiles=staging")))
			.isEqualTo("then `mvn migrations:stamp -Dmigrations.target=3f2a9c1b7d4e -Dmigrations.profiles=staging`");
		// a command with no goal runs in command mode, where the options are the application's own
		assertThat(MavenHints.translate("run `db rehearse` on a copy", options)).isEqualTo("run `db rehearse` on a copy");
	}

	@Test
	void hintsRepeatNoPasswordOfTheCommandLine() {
		// the build's log is read by more people than the database's password is meant for (CI logs)
		Properties commandLine = new Properties();
		commandLine.setProperty("spring.datasource.password", "s3cret");
		commandLine.setProperty("migrations.password", "s3cret");
		commandLine.setProperty("spring.datasource.url", "jdbc:postgresql://db/shop?user=app&password=s3cret&ssl=true");
		commandLine.setProperty("migrations.url", "jdbc:mariadb://app:s3cret@db:3306/shop");
		commandLine.setProperty("migrations.jvmArguments", "-Xmx1g -Dspring.datasource.password=s3cret");
		List<String> options = AbstractDbMojo.databaseOptions(commandLine);
		String hint = MavenHints.translate("Run `db upgrade`.", options);
		assertThat(hint).doesNotContain("s3cret")
			.isEqualTo("Run `mvn migrations:upgrade -Dmigrations.jvmArguments=\"-Xmx1g -Dspring.datasource.password=******\""
					+ " -Dmigrations.password=\"******\" -Dmigrations.url=\"jdbc:mariadb://app:******@db:3306/shop\""
					+ " -Dspring.datasource.password=\"******\""
					+ " -Dspring.datasource.url=\"jdbc:postgresql://db/shop?user=app&password=******&ssl=true\"`.");
	}

	@Test
	void theDebugLineOfTheCommandsJvmMasksAPassphraseWhole() {
		// -Dspring.datasource.password="correct horse battery" is one word of the command line
		assertThat(MavenHints.shown(List.of("java", "-Dspring.datasource.password=correct horse battery",
				"-Dspring.datasource.url=jdbc:postgresql://db/shop?password=s3cret", "-cp", "app.jar", "db", "current")))
			.isEqualTo("[java, -Dspring.datasource.password=******,"
					+ " -Dspring.datasource.url=jdbc:postgresql://db/shop?password=******, -cp, app.jar, db, current]");
	}

	@Test
	void commandsWithoutAGoalAndOtherTextStayAsTheyAre() {
		assertThat(MavenHints.translate("run `db rehearse` on a copy")).isEqualTo("run `db rehearse` on a copy");
		assertThat(MavenHints.translate("INSERT INTO note VALUES ('`db upgrade` $1 \\\\');"))
			.isEqualTo("INSERT INTO note VALUES ('`mvn migrations:upgrade` $1 \\\\');");
		assertThat(MavenHints.translate("CREATE TABLE db (id int);")).isEqualTo("CREATE TABLE db (id int);");
		// a revision's own text, as `--sql` or `db show` print it, stays the file's
		assertThat(MavenHints.translate("-- Generated by `db migrate` from the JPA entities: review it before applying."))
			.isEqualTo("-- Generated by `db migrate` from the JPA entities: review it before applying.");
		assertThat(MavenHints.translate("an unclosed `db show \"x`")).isEqualTo("an unclosed `db show \"x`");
		assertThat(MavenHints.translate("`db current` shows it")).isEqualTo("`mvn migrations:current` shows it");
	}

}
