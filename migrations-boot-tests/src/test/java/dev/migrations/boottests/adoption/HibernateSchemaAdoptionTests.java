package dev.migrations.boottests.adoption;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.boottests.app.Customer;
import dev.migrations.boottests.app.CustomerRepository;
import dev.migrations.boottests.app.ShopApplication;
import dev.migrations.boottests.support.Apps;
import dev.migrations.boottests.support.Sql;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking over a database whose schema Hibernate created ({@code ddl-auto=create}, once), with the
 * recipe of the README: generate the initial revision from the entities against an empty database,
 * check it against the live schema with {@code db check}, and set {@code migrations.baseline}.
 */
@ExtendWith({ TestDatabaseExtension.class, OutputCaptureExtension.class })
class HibernateSchemaAdoptionTests {

	@TempDir
	Path revisions;

	@RegisterExtension
	final Apps apps = new Apps();

	private TestDatabase live;

	@BeforeEach
	void buildTheSchemaWithHibernate(TestDatabase live) {
		this.live = live;
		try (Apps once = new Apps()) {
			ConfigurableApplicationContext context = once.start(ShopApplication.class, Apps.database(this.live),
					"migrations.enabled=false", "spring.jpa.hibernate.ddl-auto=create");
			context.getBean(CustomerRepository.class).save(new Customer("Ada", "ada@example.com"));
		}
		assertThat(Sql.tables(this.live, "public")).containsExactly("customer");
	}

	@Test
	void generateCheckAndBaselineThenLaterRevisionsApply(CapturedOutput output) throws IOException {
		String initial = generateInitialRevision();
		try (Apps check = new Apps()) {
			Migrations migrations = check.start(ShopApplication.class, adopting(this.live), "migrations.upgrade-on-startup=false")
				.getBean(Migrations.class);
			assertThat(migrations.check()).as("db check on the live database").isEmpty();
		}

		ConfigurableApplicationContext context = this.apps.start(ShopApplication.class, adopting(this.live),
				"migrations.baseline=" + initial);
		assertThat(context.getBean(Migrations.class).current()).containsExactly(initial);
		assertThat(context.getBean(CustomerRepository.class).findByEmail("ada@example.com")).hasSize(1);
		assertThat(Sql.query(this.live, "SELECT operation FROM migrations_version_log")).containsExactly("BASELINE");
		assertThat(output).contains("Baseline: schema public had 1 table (customer) and no recorded revision, so "
				+ initial + " (initial schema) and its ancestors are recorded as applied without running them");
		this.apps.close();

		String next = writeRevision("5b0b0000aa02", initial, "index customer email",
				"CREATE INDEX ix_customer_email ON customer (email);", "DROP INDEX ix_customer_email;");
		context = this.apps.start(ShopApplication.class, adopting(this.live), "migrations.baseline=" + initial);
		assertThat(context.getBean(Migrations.class).current()).containsExactly(next);
		assertThat(Sql.query(this.live, "SELECT operation || ' ' || revision FROM migrations_version_log ORDER BY id"))
			.containsExactly("BASELINE " + initial, "UPGRADE " + next);
		this.apps.close();

		// the same configuration installs an empty database from the revisions: nothing to baseline there
		try (TestDatabase fresh = TestDatabases.postgres()) {
			try (Apps install = new Apps()) {
				install.start(ShopApplication.class, adopting(fresh), "migrations.baseline=" + initial);
			}
			assertThat(Sql.query(fresh, "SELECT operation || ' ' || revision FROM migrations_version_log ORDER BY id"))
				.containsExactly("UPGRADE " + initial, "UPGRADE " + next);
		}
	}

	@Test
	void withoutABaselineTheStartupStopsAndSaysWhatToDo(CapturedOutput output) throws IOException {
		String initial = generateInitialRevision();
		Apps.failToStart(ShopApplication.class, adopting(this.live));
		assertThat(output).contains("APPLICATION FAILED TO START",
				"Schema public has 1 table (customer) but no revision recorded in migrations_version",
				"db check", "migrations.baseline=<revision>", "Your first revision: " + initial + " (initial schema)");
		assertThat(Sql.query(this.live, "SELECT count(*) FROM migrations_version")).containsExactly("0");
		assertThat(Sql.query(this.live, "SELECT count(*) FROM customer")).containsExactly("1");
	}

	@Test
	void aBaselineThatIsNotARevisionStopsTheStartup(CapturedOutput output) throws IOException {
		generateInitialRevision();
		Apps.failToStart(ShopApplication.class, adopting(this.live), "migrations.baseline=0123456789ab");
		assertThat(output).contains("APPLICATION FAILED TO START",
				"migrations.baseline=0123456789ab is not a revision of this application", "`db history`");
	}

	/** `db migrate -m "initial schema"` against an empty database, into the revisions directory. */
	private String generateInitialRevision() throws IOException {
		try (TestDatabase empty = TestDatabases.postgres(); Apps generate = new Apps()) {
			Migrations migrations = generate.start(ShopApplication.class, adopting(empty), "migrations.upgrade-on-startup=false",
					"spring.jpa.hibernate.ddl-auto=none")
				.getBean(Migrations.class);
			MigrateResult result = migrations.migrate("initial schema");
			assertThat(result.file()).isNotNull();
			try (var files = Files.list(this.revisions)) {
				assertThat(files.toList()).hasSize(1);
			}
			return result.revision();
		}
	}

	private String writeRevision(String id, String parent, String message, String upgrade, String downgrade)
			throws IOException {
		Files.writeString(this.revisions.resolve(id + "_" + message.replace(' ', '_') + ".sql"),
				"-- revision: " + id + "\n-- down_revision: " + parent + "\n-- message: " + message + "\n\n-- upgrade\n"
						+ upgrade + "\n\n-- downgrade\n" + downgrade + "\n");
		return id;
	}

	private List<String> adopting(TestDatabase database) {
		return Apps.with(Apps.database(database), "migrations.locations=filesystem:" + this.revisions,
				"migrations.generate.output-dir=" + this.revisions, "spring.jpa.hibernate.ddl-auto=validate",
				"migrations.drift.enabled=false");
	}

}
