package dev.migrations.autogenerate.scenarios.constraints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrateResult;
import dev.migrations.Migrations;
import dev.migrations.Sql;
import dev.migrations.autogenerate.Comparison.UnmanagedIndex;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.diff.DiffOptions;
import dev.migrations.diff.Difference;
import dev.migrations.entity.EntitySource;
import dev.migrations.runner.MigrationFailedException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Autogenerate scenarios for keys, constraints and indexes. Each changes the entities from v1 to v2
 * and asserts the statements a reviewer reads in the generated revision, then goes through the
 * {@link ScenarioRunner} round trip: upgrade, empty check, rows kept, downgrade, empty check
 * against v1, and no drift against schemas Hibernate itself created from v1 and v2.
 */
@ExtendWith(TestDatabaseExtension.class)
class ConstraintScenariosTest {

	@TempDir
	Path directory;

	@Test
	void indexAdded(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.indexadded.v1.Ticket.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.indexadded.v2.Ticket.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into ticket (id, title, status) values (1, 'kept', 'OPEN')"))
			.revision((text) -> {
				// Hibernate's IDX<hash> name becomes a readable one
				assertThat(statements(upgrade(text)))
					.containsExactly("CREATE INDEX IF NOT EXISTS ix_ticket_status ON ticket (status);");
				assertThat(statements(downgrade(text))).containsExactly("DROP INDEX IF EXISTS ix_ticket_status;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select title from ticket")).containsExactly("kept"))
			.run(db);
	}

	/**
	 * A string key becomes a {@code uuid}: PostgreSQL refuses to change the key's type while a foreign
	 * key of another type references it, and the other way round, so the foreign keys are dropped
	 * before the columns change and added again after; the rows keep their links.
	 */
	@Test
	void keyChangedToAnIncompatibleTypeRecreatesTheForeignKeysReferencingIt(TestDatabase db) {
		String id = "6a1e0f3c-1f3e-4b8e-9f00-000000000001";
		new ScenarioRunner(this.directory)
			.v1(dev.migrations.autogenerate.scenarios.constraints.keytouuid.v1.Account.class,
					dev.migrations.autogenerate.scenarios.constraints.keytouuid.v1.Entry.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.keytouuid.v2.Account.class,
					dev.migrations.autogenerate.scenarios.constraints.keytouuid.v2.Entry.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into account (id, name) values ('" + id + "', 'main')",
					"insert into account_aliases (account_id, aliases) values ('" + id + "', 'primary')",
					"insert into entry (id, account_id) values (1, '" + id + "')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE account_aliases DROP CONSTRAINT IF EXISTS fk_account_aliases_account_id__account;",
						"ALTER TABLE entry DROP CONSTRAINT IF EXISTS fk_entry_account_id__account;",
						"ALTER TABLE account ALTER COLUMN id TYPE uuid USING id::uuid;",
						"ALTER TABLE account_aliases ALTER COLUMN account_id TYPE uuid USING account_id::uuid;",
						"ALTER TABLE entry ALTER COLUMN account_id TYPE uuid USING account_id::uuid;",
						"ALTER TABLE account_aliases ADD CONSTRAINT fk_account_aliases_account_id__account FOREIGN KEY (account_id) REFERENCES account (id);",
						"ALTER TABLE entry ADD CONSTRAINT fk_entry_account_id__account FOREIGN KEY (account_id) REFERENCES account (id);");
				// the values keep matching: the foreign keys added again need no warning
				assertThat(upgrade(text)).doesNotContain("lacks");
				assertThat(statements(downgrade(text))).startsWith(
						"ALTER TABLE entry DROP CONSTRAINT IF EXISTS fk_entry_account_id__account;",
						"ALTER TABLE account_aliases DROP CONSTRAINT IF EXISTS fk_account_aliases_account_id__account;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select a.name || ' ' || pg_typeof(e.account_id) from entry e"
					+ " join account a on a.id = e.account_id")).containsExactly("main uuid"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select aliases from account_aliases where account_id = '" + id + "'"))
				.containsExactly("primary"))
			.run(db);
	}

	@Test
	void indexRemoved(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.indexremoved.v1.Ticket.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.indexremoved.v2.Ticket.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into ticket (id, title, status) values (1, 'kept', 'OPEN')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly("DROP INDEX IF EXISTS ix_ticket_status;");
				assertThat(statements(downgrade(text)))
					.containsExactly("CREATE INDEX IF NOT EXISTS ix_ticket_status ON ticket (status);");
			})
			.afterDowngrade((ds) -> assertThat(indexes(ds, "ticket")).contains("ix_ticket_status"))
			.run(db);
	}

	/** {@code @Index(unique = true)} is a unique constraint to Hibernate, so it is added as one. */
	@Test
	void multiColumnAndUniqueIndex(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.multicolumnindex.v1.Reading.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.multicolumnindex.v2.Reading.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into reading (id, sensor, external_ref) values (1, 's1', 'r1')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactlyInAnyOrder(
						"ALTER TABLE reading ADD CONSTRAINT reading_external_ref_key UNIQUE (external_ref);",
						"CREATE INDEX IF NOT EXISTS ix_reading_sensor_taken_at ON reading (sensor, taken_at);");
				assertThat(upgrade(text)).contains("-- WARNING: fails if reading already holds duplicate values in (external_ref)");
				assertThat(statements(downgrade(text))).containsExactlyInAnyOrder(
						"DROP INDEX IF EXISTS ix_reading_sensor_taken_at;",
						"ALTER TABLE reading DROP CONSTRAINT IF EXISTS reading_external_ref_key;");
			})
			.afterV2((ds) -> assertThatIllegalStateException()
				.isThrownBy(() -> ScenarioRunner.execute(ds, "insert into reading (id, sensor, external_ref) values (2, 's2', 'r1')"))
				.withMessageContaining("reading_external_ref_key"))
			.run(db);
	}

	/**
	 * {@code @Index(unique = true)} is a unique constraint to Hibernate: an index made unique becomes
	 * one under the name the entity declares, which the dropped index leaves free.
	 */
	@Test
	void indexMadeUniqueKeepsItsDeclaredName(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.indexmadeunique.v1.Ticket.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.indexmadeunique.v2.Ticket.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into ticket (id, code) values (1, 'T-1')"))
			.revision((text) -> {
				assertThat(upgrade(text)).containsSubsequence("""
						DROP INDEX IF EXISTS ix_ticket_code;
						""", """
						-- WARNING: fails if ticket already holds duplicate values in (code)
						ALTER TABLE ticket ADD CONSTRAINT ix_ticket_code UNIQUE (code);
						""").doesNotContain("drops index");
				assertThat(statements(downgrade(text))).containsExactly(
						"ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ix_ticket_code;",
						"CREATE INDEX IF NOT EXISTS ix_ticket_code ON ticket (code);");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select conname from pg_constraint where contype = 'u'"
					+ " and conrelid = 'ticket'::regclass"))
				.containsExactly("ix_ticket_code"))
			.run(db);
	}

	@Test
	void indexColumnOrderChanged(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.indexorder.v1.Reading.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.indexorder.v2.Reading.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into reading (id, sensor) values (1, 's1')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly("DROP INDEX IF EXISTS ix_reading_lookup;",
						"CREATE INDEX IF NOT EXISTS ix_reading_lookup ON reading (taken_at, sensor);");
				assertThat(statements(downgrade(text))).containsExactly("DROP INDEX IF EXISTS ix_reading_lookup;",
						"CREATE INDEX IF NOT EXISTS ix_reading_lookup ON reading (sensor, taken_at);");
			})
			.run(db);
	}

	@Test
	void descendingIndex(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.descindex.v1.Event.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.descindex.v2.Event.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into event (id, kind) values (1, 'k')"))
			.revision((text) -> assertThat(statements(upgrade(text))).containsExactlyInAnyOrder(
					"CREATE INDEX IF NOT EXISTS ix_event_created_at ON event (created_at DESC);",
					"CREATE INDEX IF NOT EXISTS ix_event_kind_created_at ON event (kind, created_at DESC);"))
			.run(db);
	}

	/** JPA 3.2's {@code @Index(options = ...)} follows the column list: enough for WHERE and INCLUDE. */
	@Test
	void partialAndCoveringIndexes(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.partialindex.v1.Job.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.partialindex.v2.Job.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into job (id, status, queue) values (1, 'PENDING', 'q')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactlyInAnyOrder(
						"CREATE INDEX IF NOT EXISTS ix_job_pending ON job (run_at) WHERE (status::text = 'PENDING'::text);",
						"CREATE INDEX IF NOT EXISTS ix_job_queue ON job (queue) INCLUDE (status, run_at);");
				assertThat(statements(downgrade(text))).containsExactlyInAnyOrder("DROP INDEX IF EXISTS ix_job_pending;",
						"DROP INDEX IF EXISTS ix_job_queue;");
			})
			.run(db);
	}

	/** {@code @Column(unique = true)} is inline: the server names it {@code <table>_<column>_key}. */
	@Test
	void columnUniqueMoved(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.columnunique.v1.Member.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.columnunique.v2.Member.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into member (id, nickname, email) values (1, 'n', 'a@example.com')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE member DROP CONSTRAINT IF EXISTS member_nickname_key;",
						"ALTER TABLE member ADD CONSTRAINT member_email_key UNIQUE (email);");
				assertThat(statements(downgrade(text))).containsExactly(
						"ALTER TABLE member DROP CONSTRAINT IF EXISTS member_email_key;",
						"ALTER TABLE member ADD CONSTRAINT member_nickname_key UNIQUE (nickname);");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into member (id, nickname, email) values (2, 'n', 'b@example.com')");
				assertThatIllegalStateException()
					.isThrownBy(() -> ScenarioRunner.execute(ds,
							"insert into member (id, nickname, email) values (3, 'm', 'a@example.com')"))
					.withMessageContaining("member_email_key");
				ScenarioRunner.execute(ds, "delete from member where id = 2");
			})
			.run(db);
	}

	@Test
	void multiColumnUniqueConstraints(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.uniqueconstraint.v1.Page.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.uniqueconstraint.v2.Page.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into page (id, tenant_id, slug) values (1, 1, 'home')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactlyInAnyOrder(
						"ALTER TABLE page ADD CONSTRAINT page_tenant_id_slug_key UNIQUE (tenant_id, slug);",
						"ALTER TABLE page ADD CONSTRAINT uq_page_title_per_locale UNIQUE (tenant_id, locale, title);");
				assertThat(statements(downgrade(text))).containsExactlyInAnyOrder(
						"ALTER TABLE page DROP CONSTRAINT IF EXISTS page_tenant_id_slug_key;",
						"ALTER TABLE page DROP CONSTRAINT IF EXISTS uq_page_title_per_locale;");
			})
			.afterV2((ds) -> assertThatIllegalStateException()
				.isThrownBy(() -> ScenarioRunner.execute(ds, "insert into page (id, tenant_id, slug) values (2, 1, 'home')"))
				.withMessageContaining("page_tenant_id_slug_key"))
			.run(db);
	}

	/**
	 * A unique constraint and a unique index (Hibernate makes it a constraint) whose columns are reordered:
	 * dropped and made again (the order matters to the index) without a warning, as the rows were unique
	 * over the same columns before.
	 */
	@Test
	void reorderedUniqueKeysCarryNoWarning(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.uniqueorder.v1.Pair.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.uniqueorder.v2.Pair.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into pair (id, a, b, c, d) values (1, 'a', 'b', 'c', 'd')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactlyInAnyOrder(
						"ALTER TABLE pair DROP CONSTRAINT IF EXISTS uq_pair_a_b;",
						"ALTER TABLE pair ADD CONSTRAINT uq_pair_a_b UNIQUE (a, b);",
						"ALTER TABLE pair DROP CONSTRAINT IF EXISTS ux_pair_c_d;",
						"ALTER TABLE pair ADD CONSTRAINT ux_pair_c_d UNIQUE (c, d);");
				assertThat(upgrade(text)).doesNotContain("WARNING");
				assertThat(downgrade(text)).doesNotContain("WARNING");
			})
			.afterV2((ds) -> assertThatIllegalStateException()
				.isThrownBy(() -> ScenarioRunner.execute(ds, "insert into pair (id, a, b, c, d) values (2, 'a', 'b', 'x', 'y')"))
				.withMessageContaining("uq_pair_a_b"))
			.run(db);
	}

	/**
	 * An index renamed in {@code @Index(name = ...)} with the same definition is renamed, as Alembic does; the
	 * index Hibernate names itself keeps the database's name.
	 */
	@Test
	void indexRenamedInTheEntity(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.indexrenamed.v1.Dup.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.indexrenamed.v2.Dup.class)
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly("ALTER INDEX ix_dup_a_b RENAME TO ix_dup_ab;");
				assertThat(statements(downgrade(text))).containsExactly("ALTER INDEX ix_dup_ab RENAME TO ix_dup_a_b;");
			})
			.run(db);
	}

	/**
	 * A new {@code @ManyToOne} to a new entity: the referenced table is created first, the foreign key
	 * comes last. Hibernate declares no index on the foreign key column on PostgreSQL, so none is added.
	 */
	@Test
	void manyToOneToANewTable(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.manytoone.v1.Book.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.manytoone.v2.Book.class, dev.migrations.autogenerate.scenarios.constraints.manytoone.v2.Author.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into book (id, title) values (1, 'kept')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).hasSize(3).satisfies((statements) -> {
					assertThat(statements.get(0)).startsWith("CREATE TABLE IF NOT EXISTS author (");
					assertThat(statements.get(1)).isEqualTo("ALTER TABLE book ADD COLUMN IF NOT EXISTS author_id bigint;");
					assertThat(statements.get(2)).isEqualTo("ALTER TABLE book ADD CONSTRAINT fk_book_author_id__author"
							+ " FOREIGN KEY (author_id) REFERENCES author (id);");
				});
				assertThat(upgrade(text)).as("author_id is new: it holds only NULL").doesNotContain("WARNING");
				assertThat(statements(downgrade(text))).containsExactly(
						"ALTER TABLE book DROP CONSTRAINT IF EXISTS fk_book_author_id__author;",
						"ALTER TABLE book DROP COLUMN IF EXISTS author_id;", "DROP TABLE IF EXISTS author;");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into author (id, name) values (7, 'a')", "update book set author_id = 7");
				assertThatIllegalStateException().isThrownBy(() -> ScenarioRunner.execute(ds, "update book set author_id = 8"))
					.withMessageContaining("fk_book_author_id__author");
			})
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select title from book")).containsExactly("kept"))
			.run(db);
	}

	@Test
	void selfReferencingTreeOnANewTable(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.selfreference.v1.Shop.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.selfreference.v2.Shop.class, dev.migrations.autogenerate.scenarios.constraints.selfreference.v2.Category.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into shop (id, name) values (1, 'kept')"))
			.revision((text) -> {
				List<String> statements = statements(upgrade(text));
				assertThat(statements).hasSize(2);
				assertThat(statements.get(0)).startsWith("CREATE TABLE IF NOT EXISTS category (").doesNotContain("REFERENCES");
				assertThat(statements.get(1)).isEqualTo("ALTER TABLE category ADD CONSTRAINT fk_category_parent_id__category"
						+ " FOREIGN KEY (parent_id) REFERENCES category (id);");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into category (id, name) values (1, 'root')",
						"insert into category (id, name, parent_id) values (2, 'leaf', 1)");
				assertThatIllegalStateException().isThrownBy(() -> ScenarioRunner.execute(ds, "delete from category where id = 1"))
					.withMessageContaining("fk_category_parent_id__category");
			})
			.run(db);
	}

	/**
	 * PostgreSQL cannot alter a foreign key's actions: it is dropped and added again, under its own
	 * name, and the rows are kept.
	 */
	@Test
	void onDeleteCascadeAddedToAnExistingForeignKey(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.ondelete.v1.Post.class, dev.migrations.autogenerate.scenarios.constraints.ondelete.v1.Comment.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.ondelete.v2.Post.class, dev.migrations.autogenerate.scenarios.constraints.ondelete.v2.Comment.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into post (id, title) values (1, 'p'), (2, 'q')",
					"insert into comment (id, body, post_id) values (1, 'kept', 1), (2, 'cascaded', 2)"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE comment DROP CONSTRAINT IF EXISTS fk_comment_post_id__post;",
						"ALTER TABLE comment ADD CONSTRAINT fk_comment_post_id__post FOREIGN KEY (post_id) REFERENCES post (id)"
								+ " ON DELETE CASCADE;");
				assertThat(upgrade(text)).as("the rows satisfied the key just dropped").doesNotContain("WARNING");
				assertThat(statements(downgrade(text))).containsExactly(
						"ALTER TABLE comment DROP CONSTRAINT IF EXISTS fk_comment_post_id__post;",
						"ALTER TABLE comment ADD CONSTRAINT fk_comment_post_id__post FOREIGN KEY (post_id) REFERENCES post (id);");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "delete from post where id = 2");
				assertThat(Sql.column(ds, "select body from comment")).containsExactly("kept");
			})
			.afterDowngrade((ds) -> assertThatIllegalStateException()
				.isThrownBy(() -> ScenarioRunner.execute(ds, "delete from post where id = 1"))
				.withMessageContaining("fk_comment_post_id__post"))
			.run(db);
	}

	/** {@code @ForeignKey(ConstraintMode.NO_CONSTRAINT)} removes the constraint, not the column. */
	@Test
	void foreignKeyRemovedByNoConstraint(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.noconstraint.v1.Post.class, dev.migrations.autogenerate.scenarios.constraints.noconstraint.v1.Comment.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.noconstraint.v2.Post.class, dev.migrations.autogenerate.scenarios.constraints.noconstraint.v2.Comment.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into post (id, title) values (1, 'p')",
					"insert into comment (id, body, post_id) values (1, 'kept', 1)"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly("ALTER TABLE comment DROP CONSTRAINT IF EXISTS fk_comment_post;");
				assertThat(statements(downgrade(text))).containsExactly(
						"ALTER TABLE comment ADD CONSTRAINT fk_comment_post FOREIGN KEY (post_id) REFERENCES post (id);");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select post_id from comment")).containsExactly("1"))
			.run(db);
	}

	@Test
	void manyToManyJoinTable(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.manytomany.v1.Article.class, dev.migrations.autogenerate.scenarios.constraints.manytomany.v1.Tag.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.manytomany.v2.Article.class, dev.migrations.autogenerate.scenarios.constraints.manytomany.v2.Tag.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into article (id, title) values (1, 'a')",
					"insert into tag (id, label) values (1, 't')"))
			.revision((text) -> {
				List<String> statements = statements(upgrade(text));
				assertThat(statements).hasSize(3);
				assertThat(statements.get(0)).startsWith("CREATE TABLE IF NOT EXISTS article_tags (")
					.contains("article_id bigint NOT NULL", "tags_id bigint NOT NULL",
							"CONSTRAINT article_tags_pkey PRIMARY KEY (article_id, tags_id)");
				assertThat(statements.subList(1, 3)).containsExactlyInAnyOrder(
						"ALTER TABLE article_tags ADD CONSTRAINT fk_article_tags_article_id__article FOREIGN KEY (article_id)"
								+ " REFERENCES article (id);",
						"ALTER TABLE article_tags ADD CONSTRAINT fk_article_tags_tags_id__tag FOREIGN KEY (tags_id)"
								+ " REFERENCES tag (id);");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into article_tags (article_id, tags_id) values (1, 1)");
				assertThatIllegalStateException()
					.isThrownBy(() -> ScenarioRunner.execute(ds, "insert into article_tags (article_id, tags_id) values (1, 1)"))
					.withMessageContaining("article_tags_pkey");
			})
			.run(db);
	}

	/**
	 * A {@code @ManyToMany Set} join table and an {@code @ElementCollection Set} collection table:
	 * their keys list the columns in the order Hibernate creates them with ({@code labels_id} before
	 * {@code post_id}; the collection table's nullable element gives a unique key, not a primary
	 * key), so a schema Hibernate created from the same entities shows no difference.
	 */
	@Test
	void joinAndCollectionTableKeysFollowHibernatesColumnOrder(TestDatabase db) {
		new ScenarioRunner(this.directory)
			.v1(dev.migrations.autogenerate.scenarios.constraints.postlabels.v1.Post.class,
					dev.migrations.autogenerate.scenarios.constraints.postlabels.v1.Label.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.postlabels.v2.Post.class,
					dev.migrations.autogenerate.scenarios.constraints.postlabels.v2.Label.class)
			.revision((text) -> {
				List<String> statements = statements(upgrade(text));
				assertThat(statements).filteredOn((sql) -> sql.startsWith("CREATE TABLE IF NOT EXISTS post_labels ("))
					.singleElement().asString().contains("CONSTRAINT post_labels_pkey PRIMARY KEY (labels_id, post_id)");
				assertThat(statements).filteredOn((sql) -> sql.startsWith("CREATE TABLE IF NOT EXISTS post_keywords ("))
					.singleElement().asString().contains("CONSTRAINT post_keywords_post_id_keywords_key UNIQUE (post_id, keywords)");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select conrelid::regclass || ' ' || pg_get_constraintdef(oid)"
					+ " from pg_constraint where contype in ('p', 'u')"
					+ " and conrelid::regclass::text in ('post_labels', 'post_keywords') order by 1"))
				.containsExactly("post_keywords UNIQUE (post_id, keywords)", "post_labels PRIMARY KEY (labels_id, post_id)"))
			.run(db);
	}

	/** A changed {@code @Check} is dropped and added again; a named JPA 3.2 check constraint is added. */
	@Test
	void checkConstraintChangedAndAdded(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.check.v1.Product.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.check.v2.Product.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into product (id, price, discount) values (1, 10, 2)"))
			.revision((text) -> {
				List<String> statements = statements(upgrade(text));
				assertThat(statements).containsExactlyInAnyOrder(
						"ALTER TABLE product DROP CONSTRAINT IF EXISTS product_price_check;",
						"ALTER TABLE product ADD CONSTRAINT product_price_check CHECK (price >= 0);",
						"ALTER TABLE product ADD CONSTRAINT ck_product_discount CHECK (discount <= price);");
				assertThat(statements).startsWith("ALTER TABLE product DROP CONSTRAINT IF EXISTS product_price_check;");
				assertThat(statements(downgrade(text))).containsExactlyInAnyOrder(
						"ALTER TABLE product DROP CONSTRAINT IF EXISTS product_price_check;",
						"ALTER TABLE product DROP CONSTRAINT IF EXISTS ck_product_discount;",
						"ALTER TABLE product ADD CONSTRAINT product_price_check CHECK (price > 0);");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into product (id, price, discount) values (2, 0, 0)");
				assertThatIllegalStateException()
					.isThrownBy(() -> ScenarioRunner.execute(ds, "insert into product (id, price, discount) values (3, 5, 9)"))
					.withMessageContaining("ck_product_discount");
				ScenarioRunner.execute(ds, "delete from product where id = 2");
			})
			.run(db);
	}

	/**
	 * The server names unnamed checks after their first column, numbered in creation order, so the
	 * scratch schema calls the new check {@code offer_quantity_check}, the name the database gives
	 * the existing one: the new check gets a readable name instead of failing with "already exists".
	 */
	@Test
	void checkAddedBesideAnExistingCheckOnTheSameColumn(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.checkadded.v1.Offer.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.checkadded.v2.Offer.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into offer (id, price, quantity) values (1, 10, 2)"))
			.revision((text) -> {
				assertThat(statements(upgrade(text)))
					.containsExactly("ALTER TABLE offer ADD CONSTRAINT ck_offer_quantity CHECK (quantity >= 0);");
				assertThat(statements(downgrade(text))).containsExactly("ALTER TABLE offer DROP CONSTRAINT IF EXISTS ck_offer_quantity;");
			})
			.afterDowngrade((ds) -> assertThat(Sql.column(ds,
					"select pg_get_constraintdef(oid) from pg_constraint where conrelid = 'offer'::regclass and contype = 'c'"))
				.containsExactly("CHECK ((quantity <= 1000))"))
			.run(db);
	}

	@Test
	void enumConstantAddedWidensItsCheck(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.enumadded.v1.Purchase.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.enumadded.v2.Purchase.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into purchase (id, status) values (1, 'NEW'), (2, 'PAID')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE purchase DROP CONSTRAINT IF EXISTS purchase_status_check;",
						"ALTER TABLE purchase ADD CONSTRAINT purchase_status_check CHECK (status::text = ANY (ARRAY['NEW'::character varying,"
								+ " 'PAID'::character varying, 'SHIPPED'::character varying]::text[]));");
				// a wider check admits every row the old one did; narrowing it back can fail
				assertThat(upgrade(text)).doesNotContain("WARNING");
				assertThat(downgrade(text)).contains("-- WARNING: fails if rows of purchase violate it: rows holding 'SHIPPED'"
						+ " in status, which it no longer admits; update them just before this statement, e.g. UPDATE purchase"
						+ " SET status = '<replacement>' WHERE status = 'SHIPPED'\n"
						+ "ALTER TABLE purchase ADD CONSTRAINT purchase_status_check CHECK");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into purchase (id, status) values (3, 'SHIPPED')");
				assertThat(Sql.column(ds, "select status from purchase order by id")).containsExactly("NEW", "PAID", "SHIPPED");
				ScenarioRunner.execute(ds, "delete from purchase where id = 3");
			})
			.run(db);
	}

	/** An ordinal enum's check is a range: a constant added at the end widens it. */
	@Test
	void ordinalEnumConstantAddedWidensItsRangeWithoutAWarning(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.ordinaladded.v1.Alert.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.ordinaladded.v2.Alert.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into alert (id, level) values (1, 0), (2, 1)"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE alert DROP CONSTRAINT IF EXISTS alert_level_check;",
						"ALTER TABLE alert ADD CONSTRAINT alert_level_check CHECK (level >= 0 AND level <= 2);");
				assertThat(upgrade(text)).doesNotContain("WARNING");
				assertThat(downgrade(text)).contains("-- WARNING: fails if rows of alert violate it");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select level from alert order by id")).containsExactly("0", "1"))
			.run(db);
	}

	@Test
	void enumConstantRemovedNarrowsItsCheckAndKeepsTheRows(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.enumremoved.v1.Purchase.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.enumremoved.v2.Purchase.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into purchase (id, status) values (1, 'NEW'), (2, 'PAID')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE purchase DROP CONSTRAINT IF EXISTS purchase_status_check;",
						"ALTER TABLE purchase ADD CONSTRAINT purchase_status_check CHECK (status::text = ANY"
								+ " (ARRAY['NEW'::character varying, 'PAID'::character varying]::text[]));");
				assertThat(upgrade(text)).contains("-- WARNING: fails if rows of purchase violate it");
			})
			.afterV2((ds) -> {
				assertThat(Sql.column(ds, "select status from purchase order by id")).containsExactly("NEW", "PAID");
				assertThatIllegalStateException()
					.isThrownBy(() -> ScenarioRunner.execute(ds, "insert into purchase (id, status) values (3, 'CANCELLED')"))
					.withMessageContaining("purchase_status_check");
			})
			.run(db);
	}

	/** A column joins the primary key ({@code @IdClass}): the key is dropped and added, rows kept. */
	@Test
	void columnAddedToThePrimaryKey(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.primarykeyextended.v1.Membership.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.primarykeyextended.v2.Membership.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds,
					"insert into membership (user_id, group_id, role) values (1, 10, 'admin'), (2, 10, 'member')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly("ALTER TABLE membership DROP CONSTRAINT IF EXISTS membership_pkey;",
						"ALTER TABLE membership ADD CONSTRAINT membership_pkey PRIMARY KEY (group_id, user_id);");
				assertThat(statements(downgrade(text))).containsExactly(
						"ALTER TABLE membership DROP CONSTRAINT IF EXISTS membership_pkey;",
						"ALTER TABLE membership ADD CONSTRAINT membership_pkey PRIMARY KEY (user_id);");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into membership (user_id, group_id, role) values (1, 20, 'member')");
				assertThat(Sql.column(ds, "select role from membership order by group_id, user_id"))
					.containsExactly("admin", "member", "member");
				ScenarioRunner.execute(ds, "delete from membership where group_id = 20");
			})
			.run(db);
	}

	/** {@code @EmbeddedId} with {@code @MapsId}: a composite key whose part is also a foreign key. */
	@Test
	void compositeKeyOnANewTable(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.compositekey.v1.Warehouse.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.compositekey.v2.Warehouse.class, dev.migrations.autogenerate.scenarios.constraints.compositekey.v2.StockLevel.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into warehouse (id, name) values (1, 'w')"))
			.revision((text) -> {
				List<String> statements = statements(upgrade(text));
				assertThat(statements).hasSize(2);
				assertThat(statements.get(0)).startsWith("CREATE TABLE IF NOT EXISTS stock_level (")
					// Hibernate's order for a key it creates: by size, then by name
					.contains("CONSTRAINT stock_level_pkey PRIMARY KEY (warehouse_id, sku)");
				assertThat(statements.get(1)).isEqualTo("ALTER TABLE stock_level ADD CONSTRAINT"
						+ " fk_stock_level_warehouse_id__warehouse FOREIGN KEY (warehouse_id) REFERENCES warehouse (id);");
			})
			.run(db);
	}

	/**
	 * Dropping columns drops their index, unique constraint and check explicitly first, so the
	 * downgrade restores them after adding the columns back.
	 */
	@Test
	void columnsWithKeysDropped(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.columndropped.v1.Ticket.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.columndropped.v2.Ticket.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds,
					"insert into ticket (id, title, status, code, priority) values (1, 'kept', 'OPEN', 'T-1', 3)"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ticket_priority_check;",
						"DROP INDEX IF EXISTS ix_ticket_status;",
						"ALTER TABLE ticket DROP CONSTRAINT IF EXISTS ticket_code_title_key;",
						"ALTER TABLE ticket DROP COLUMN IF EXISTS priority;", "ALTER TABLE ticket DROP COLUMN IF EXISTS code;",
						"ALTER TABLE ticket DROP COLUMN IF EXISTS status;");
				assertThat(statements(downgrade(text))).endsWith(
						"ALTER TABLE ticket ADD CONSTRAINT ticket_code_title_key UNIQUE (code, title);",
						"CREATE INDEX IF NOT EXISTS ix_ticket_status ON ticket (status);",
						"ALTER TABLE ticket ADD CONSTRAINT ticket_priority_check CHECK (priority >= 1 AND priority <= 5);");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select title from ticket")).containsExactly("kept"))
			.run(db);
	}

	/** A renamed foreign key column keeps its constraint and index: the server follows the rename. */
	@Test
	void foreignKeyColumnRenamed(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.columnrenamed.v1.Author.class, dev.migrations.autogenerate.scenarios.constraints.columnrenamed.v1.Book.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.columnrenamed.v2.Author.class, dev.migrations.autogenerate.scenarios.constraints.columnrenamed.v2.Book.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into author (id, name) values (1, 'a')",
					"insert into book (id, title, writer_id) values (1, 'kept', 1)"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly("ALTER TABLE book RENAME COLUMN writer_id TO author_id;");
				assertThat(statements(downgrade(text))).containsExactly("ALTER TABLE book RENAME COLUMN author_id TO writer_id;");
			})
			.afterV2((ds) -> assertThat(Sql.column(ds, "select author_id from book")).containsExactly("1"))
			.run(db);
	}

	/** Every kind of key on one new table: inline where PostgreSQL allows, the foreign key after. */
	@Test
	void newTableWithEveryKindOfKey(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.newtable.v1.Customer.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.newtable.v2.Customer.class, dev.migrations.autogenerate.scenarios.constraints.newtable.v2.Subscription.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into customer (id, name) values (1, 'kept')"))
			.revision((text) -> {
				List<String> statements = statements(upgrade(text));
				assertThat(statements).hasSize(3);
				assertThat(statements.get(0)).startsWith("CREATE TABLE IF NOT EXISTS subscription (")
					.contains("CONSTRAINT subscription_pkey PRIMARY KEY (id)",
							"CONSTRAINT subscription_customer_id_plan_key UNIQUE (customer_id, plan)",
							"CONSTRAINT subscription_external_id_key UNIQUE (external_id)",
							"CONSTRAINT ck_subscription_seats CHECK (seats >= 1 AND seats <= 500)",
							"CONSTRAINT subscription_status_check CHECK (status::text = ANY (ARRAY['TRIAL'::character varying,"
									+ " 'ACTIVE'::character varying, 'CANCELLED'::character varying]::text[]))");
				assertThat(statements.subList(1, 3)).containsExactly(
						"CREATE INDEX IF NOT EXISTS ix_subscription_renews_on ON subscription (renews_on DESC);",
						"ALTER TABLE subscription ADD CONSTRAINT fk_subscription_customer_id__customer FOREIGN KEY (customer_id)"
								+ " REFERENCES customer (id) ON DELETE CASCADE;");
			})
			.run(db);
	}

	/**
	 * JPA entities cannot declare an expression key, an operator class, a GIN/GiST method or a partial
	 * unique index ({@code @Index} takes column names with ASC/DESC only, its {@code options} come
	 * after the column list, and {@code unique = true} makes a unique constraint). Such indexes come
	 * from hand-written revisions: autogenerate leaves them alone (no drift, never dropped, still
	 * there after a downgrade) and lists them as unmanaged.
	 */
	@Test
	void handWrittenIndexesTheEntitiesCannotDeclare(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		runner.v1(dev.migrations.autogenerate.scenarios.constraints.handwrittenindex.v1.Account.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.handwrittenindex.v2.Account.class)
			.afterV1((ds) -> {
				ScenarioRunner.execute(ds, "insert into account (id, email, bio) values (1, 'a@example.com', 'kept')");
				Migrations migrations = runner.migrations(ds,
						List.of(dev.migrations.autogenerate.scenarios.constraints.handwrittenindex.v1.Account.class));
				migrations.revision("search indexes", null, """
						CREATE INDEX ix_account_email_lower ON account (lower(email));
						CREATE INDEX ix_account_bio_search ON account USING gin (to_tsvector('english', coalesce(bio, '')));
						CREATE INDEX ix_account_email_pattern ON account (email varchar_pattern_ops);
						CREATE UNIQUE INDEX ux_account_email_live ON account (email) WHERE bio IS NOT NULL;
						""", """
						DROP INDEX ux_account_email_live;
						DROP INDEX ix_account_email_pattern;
						DROP INDEX ix_account_bio_search;
						DROP INDEX ix_account_email_lower;
						""");
				migrations.upgrade("head");
				assertThat(migrations.check()).as("indexes the entities cannot declare are no drift").isEmpty();
				assertThat(migrations.compare(DiffOptions.defaults()).unmanaged())
					.extracting((unmanaged) -> unmanaged.index().name(), UnmanagedIndex::reason)
					.containsExactlyInAnyOrder(tuple("ix_account_bio_search", "the gin method"),
							tuple("ix_account_email_lower", "the key lower(email::text)"),
							tuple("ix_account_email_pattern", "the key email varchar_pattern_ops"),
							tuple("ux_account_email_live", "a partial unique index (where bio IS NOT NULL)"));
				assertThat(migrations.migrate("nothing to do").written()).isFalse();
			})
			.revision((text) -> assertThat(upgrade(text)).contains("CREATE INDEX IF NOT EXISTS ix_account_email ON account (email);")
				.doesNotContain("DROP INDEX"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select indexname from pg_indexes where tablename = 'account'"))
				.containsExactlyInAnyOrder("account_pkey", "ix_account_email_lower", "ix_account_bio_search",
						"ix_account_email_pattern", "ux_account_email_live"))
			.run(db);
	}

	/** A hand-written plain or partial index an {@code @Index} could declare is drift, dropped by migrate. */
	@Test
	void aHandWrittenIndexTheEntitiesCouldDeclareIsDrift(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		Migrations migrations = runner.migrations(db.dataSource(),
				List.of(dev.migrations.autogenerate.scenarios.constraints.handwrittenindex.v1.Account.class));
		migrations.migrate("create account");
		migrations.upgrade("head");
		ScenarioRunner.execute(db.dataSource(), "CREATE INDEX ix_account_bio ON account (bio)",
				"CREATE INDEX ix_account_recent ON account (email DESC, bio) WHERE bio IS NOT NULL");

		assertThat(migrations.check()).extracting(Difference::kind, Difference::object)
			.containsExactlyInAnyOrder(tuple("INDEX_EXTRA", "account(bio)"), tuple("INDEX_EXTRA", "account(email DESC, bio)"));
		assertThat(migrations.compare(DiffOptions.defaults()).unmanaged()).isEmpty();
		MigrateResult result = migrations.migrate("drop undeclared indexes");
		assertThat(upgrade(read(result.file()))).contains("DROP INDEX IF EXISTS ix_account_bio;")
			.contains("DROP INDEX IF EXISTS ix_account_recent;");
		assertThat(downgrade(read(result.file())))
			.contains("CREATE INDEX IF NOT EXISTS ix_account_recent ON account (email DESC, bio) WHERE (bio IS NOT NULL);");
	}

	/**
	 * The same schema under other constraint names: the server's defaults ({@code customer_pkey},
	 * {@code customer_email_key}, {@code invoice_customer_id_fkey}, {@code customer_check}), names a
	 * DBA chose, and Hibernate's hashes ({@code FKev1o...}, in the runner's Hibernate-created schema).
	 * Constraints are compared by definition: no difference.
	 */
	@Test
	void constraintNamesAloneAreNoDifference(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		List<Class<?>> entities = List.of(dev.migrations.autogenerate.scenarios.constraints.names.v1.Customer.class,
				dev.migrations.autogenerate.scenarios.constraints.names.v1.Invoice.class);
		ScenarioRunner.execute(db.dataSource(), """
				CREATE TABLE customer (
					id bigint PRIMARY KEY,
					credit_limit integer,
					email varchar(255) UNIQUE,
					name varchar(255),
					number integer,
					region varchar(255),
					tier varchar(255) CHECK (tier IN ('BASIC', 'GOLD')),
					UNIQUE (region, number),
					CHECK (credit_limit >= 0)
				)""", "CREATE INDEX ON customer (name)", """
				CREATE TABLE invoice (
					id bigint PRIMARY KEY,
					customer_id bigint REFERENCES customer,
					payer_id bigint REFERENCES customer ON DELETE CASCADE
				)""");
		assertThat(Sql.column(db.dataSource(), "select conname from pg_constraint where conrelid = 'customer'::regclass"))
			.contains("customer_pkey", "customer_email_key", "customer_region_number_key", "customer_tier_check",
					"customer_credit_limit_check");
		Migrations migrations = runner.migrations(db.dataSource(), entities);
		assertThat(migrations.check()).as("server default names").isEmpty();

		ScenarioRunner.execute(db.dataSource(), "DROP TABLE invoice", "DROP TABLE customer", """
				CREATE TABLE customer (
					id bigint CONSTRAINT customer_identity PRIMARY KEY,
					credit_limit integer CONSTRAINT credit_never_negative CHECK (credit_limit >= 0),
					email varchar(255) CONSTRAINT one_account_per_email UNIQUE,
					name varchar(255),
					number integer,
					region varchar(255),
					tier varchar(255) CONSTRAINT known_tier CHECK (tier IN ('BASIC', 'GOLD')),
					CONSTRAINT numbered_per_region UNIQUE (region, number)
				)""", "CREATE INDEX customer_by_name ON customer (name)", """
				CREATE TABLE invoice (
					id bigint CONSTRAINT invoice_identity PRIMARY KEY,
					customer_id bigint CONSTRAINT billed_to REFERENCES customer (id),
					payer_id bigint CONSTRAINT paid_by REFERENCES customer (id) ON DELETE CASCADE
				)""");
		assertThat(migrations.check()).as("names a DBA chose").isEmpty();
		assertThat(migrations.migrate("nothing").written()).isFalse();

		runner.assertHibernateCreatedSchemaHasNoDrift(entities);
	}

	/**
	 * A table the entities do not own (another application's) is drift by default, and would be
	 * dropped by {@code migrate}; the table filter leaves it out of both.
	 */
	@Test
	void tablesTheEntitiesDoNotOwnAreReportedUnlessFilteredOut(TestDatabase db) {
		List<Class<?>> entities = List.of(dev.migrations.autogenerate.scenarios.constraints.indexadded.v2.Ticket.class);
		Migrations migrations = new ScenarioRunner(this.directory).migrations(db.dataSource(), entities);
		migrations.migrate("create ticket");
		migrations.upgrade("head");
		ScenarioRunner.execute(db.dataSource(),
				"CREATE TABLE legacy_queue (id bigint PRIMARY KEY, payload text, ticket_id bigint REFERENCES ticket)",
				"CREATE TABLE legacy_audit (id bigint PRIMARY KEY)");

		assertThat(migrations.check()).extracting(Difference::kind, Difference::object)
			.containsExactlyInAnyOrder(tuple("TABLE_EXTRA", "legacy_audit"), tuple("TABLE_EXTRA", "legacy_queue"));

		Migrations excluding = filtered(db, entities, List.of(), List.of("legacy_*"));
		assertThat(excluding.check()).isEmpty();
		assertThat(excluding.migrate("nothing").written()).isFalse();

		Migrations including = filtered(db, entities, List.of("ticket", "legacy_audit"), List.of());
		assertThat(including.check()).extracting(Difference::object).containsExactly("legacy_audit");

		// entities that change still produce a revision, and it leaves the filtered tables alone
		Migrations changed = filtered(db, List.of(dev.migrations.autogenerate.scenarios.constraints.indexremoved.v2.Ticket.class),
				List.of(), List.of("legacy_*"));
		String revision = read(changed.migrate("drop status index").file());
		assertThat(upgrade(revision)).contains("DROP INDEX IF EXISTS ix_ticket_status;").doesNotContain("legacy");
		changed.upgrade("head");
		assertThat(changed.check()).isEmpty();
		assertThat(Sql.postgresTables(db.dataSource())).contains("legacy_queue", "legacy_audit");
	}

	private Migrations filtered(TestDatabase db, List<Class<?>> entities, List<String> include, List<String> exclude) {
		return Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.outputDirectory(this.directory).entities(EntitySource.of(entities)).tables(include, exclude).load();
	}

	/**
	 * Uniqueness added to a big table the way that takes no long lock, a hand-written
	 * {@code CREATE UNIQUE INDEX CONCURRENTLY}, enforces what {@code @Column(unique = true)} declares.
	 */
	@Test
	void aUniqueIndexByHandSatisfiesAUniqueColumn(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		Migrations v1 = runner.migrations(db.dataSource(),
				List.of(dev.migrations.autogenerate.scenarios.constraints.columnunique.v1.Member.class));
		v1.migrate("create member");
		v1.upgrade("head");
		ScenarioRunner.execute(db.dataSource(), "insert into member (id, nickname, email) values (1, 'n', 'a@example.com')");
		Path handWritten = v1.revision("email unique without a long lock", null, """
				CREATE UNIQUE INDEX CONCURRENTLY ux_member_email ON member (email);
				ALTER TABLE member DROP CONSTRAINT member_nickname_key;
				""", """
				ALTER TABLE member ADD CONSTRAINT member_nickname_key UNIQUE (nickname);
				DROP INDEX ux_member_email;
				""");
		write(handWritten, read(handWritten).replace("\n\n-- upgrade", "\n-- transactional: false\n\n-- upgrade"));

		Migrations v2 = runner.migrations(db.dataSource(),
				List.of(dev.migrations.autogenerate.scenarios.constraints.columnunique.v2.Member.class));
		v2.upgrade("head");
		assertThat(v2.check()).isEmpty();
		assertThat(v2.migrate("nothing").written()).isFalse();

		// the other way round, the index alone is not what v1 declares
		assertThat(v1.check()).extracting(Difference::kind, Difference::object)
			.containsExactlyInAnyOrder(tuple("UNIQUE_MISSING", "member(nickname)"), tuple("INDEX_EXTRA", "member(email)"));
	}

	/** A table and a join column named {@code order}: every statement quotes them. */
	@Test
	void reservedWordTableAndJoinColumn(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.quoted.v1.Order.class, dev.migrations.autogenerate.scenarios.constraints.quoted.v1.Line.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.quoted.v2.Order.class, dev.migrations.autogenerate.scenarios.constraints.quoted.v2.Line.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into \"order\" (id, status, number) values (1, 'NEW', 'A-1')",
					"insert into line (id, sku) values (1, 'kept')"))
			.revision((text) -> assertThat(statements(upgrade(text))).containsExactly(
					"ALTER TABLE line ADD COLUMN IF NOT EXISTS \"order\" bigint;",
					"ALTER TABLE \"order\" ADD CONSTRAINT order_number_key UNIQUE (number);",
					"CREATE INDEX IF NOT EXISTS ix_order_status ON \"order\" (status);",
					"ALTER TABLE line ADD CONSTRAINT fk_line_order__order FOREIGN KEY (\"order\") REFERENCES \"order\" (id);"))
			.afterV2((ds) -> ScenarioRunner.execute(ds, "update line set \"order\" = 1"))
			.run(db);
	}

	/**
	 * {@code @JoinColumn(referencedColumnName = "code")}: the foreign key references the unique
	 * column, not the primary key. The new column holds only NULL, so no warning says it may fail.
	 */
	@Test
	void foreignKeyToAUniqueColumn(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.referencesunique.v1.Country.class, dev.migrations.autogenerate.scenarios.constraints.referencesunique.v1.City.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.referencesunique.v2.Country.class, dev.migrations.autogenerate.scenarios.constraints.referencesunique.v2.City.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into country (id, code) values (1, 'FR')",
					"insert into city (id, name) values (1, 'Paris')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE city ADD COLUMN IF NOT EXISTS country_code character varying(2);",
						"ALTER TABLE city ADD CONSTRAINT fk_city_country_code__country FOREIGN KEY (country_code)"
								+ " REFERENCES country (code);");
				assertThat(upgrade(text)).doesNotContain("WARNING");
			})
			.afterV2((ds) -> ScenarioRunner.execute(ds, "update city set country_code = 'FR'"))
			.run(db);
	}

	/** {@code @OneToOne} makes its join column unique as well as a foreign key. */
	@Test
	void oneToOneAddsAUniqueForeignKey(TestDatabase db) {
		new ScenarioRunner(this.directory).v1(dev.migrations.autogenerate.scenarios.constraints.onetoone.v1.Person.class, dev.migrations.autogenerate.scenarios.constraints.onetoone.v1.Passport.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.onetoone.v2.Person.class, dev.migrations.autogenerate.scenarios.constraints.onetoone.v2.Passport.class)
			.afterV1((ds) -> ScenarioRunner.execute(ds, "insert into person (id, name) values (1, 'kept'), (2, 'also kept')"))
			.revision((text) -> {
				assertThat(statements(upgrade(text))).containsExactly(
						"ALTER TABLE person ADD COLUMN IF NOT EXISTS passport_id bigint;",
						"ALTER TABLE person ADD CONSTRAINT person_passport_id_key UNIQUE (passport_id);",
						"ALTER TABLE person ADD CONSTRAINT fk_person_passport_id__passport FOREIGN KEY (passport_id)"
								+ " REFERENCES passport (id);");
				assertThat(upgrade(text)).doesNotContain("WARNING");
			})
			.afterV2((ds) -> {
				ScenarioRunner.execute(ds, "insert into passport (id, number) values (1, 'P1')",
						"update person set passport_id = 1 where id = 1");
				assertThatIllegalStateException()
					.isThrownBy(() -> ScenarioRunner.execute(ds, "update person set passport_id = 1 where id = 2"))
					.withMessageContaining("person_passport_id_key");
			})
			.run(db);
	}

	/**
	 * Names past PostgreSQL's 63 bytes: generated ones end in a hash, the server's own are cut by the
	 * server the same way in the scratch schema; either way the database keeps the very name the
	 * revision uses, so its downgrade drops what the upgrade added.
	 */
	@Test
	void longNamesFitPostgresLimit(TestDatabase db) {
		new ScenarioRunner(this.directory)
			.v1(dev.migrations.autogenerate.scenarios.constraints.longnames.v1.SubscriptionBillingAgreementRevision.class,
					dev.migrations.autogenerate.scenarios.constraints.longnames.v1.SubscriptionBillingAgreementAmendment.class)
			.v2(dev.migrations.autogenerate.scenarios.constraints.longnames.v2.SubscriptionBillingAgreementRevision.class,
					dev.migrations.autogenerate.scenarios.constraints.longnames.v2.SubscriptionBillingAgreementAmendment.class)
			.revision((text) -> assertThat(statements(upgrade(text))).contains(
					"CREATE INDEX IF NOT EXISTS ix_subscription_billing_agreement_amendment_effective_5f79d8b4"
							+ " ON subscription_billing_agreement_amendment"
							+ " (effective_customer_reference_number, internal_settlement_reconciliation_code);",
					"ALTER TABLE subscription_billing_agreement_amendment ADD CONSTRAINT"
							+ " fk_subscription_billing_agreement_amendment_subscripti_2d45d358 FOREIGN KEY"
							+ " (subscription_billing_agreement_revision_id) REFERENCES subscription_billing_agreement_revision (id);"))
			.afterV2((ds) -> assertThat(Sql.column(ds, "select conname from pg_constraint"
					+ " where conrelid = 'subscription_billing_agreement_amendment'::regclass and contype in ('u', 'f')"
					+ " union all select indexname from pg_indexes where indexname like 'ix_%'"))
				.allSatisfy((name) -> assertThat(name).hasSizeLessThanOrEqualTo(63))
				.containsExactlyInAnyOrder("subscription_billing_agreemen_effective_customer_reference__key",
						"subscription_billing_agreemen_internal_settlement_reconcili_key",
						"fk_subscription_billing_agreement_amendment_subscripti_2d45d358",
						"ix_subscription_billing_agreement_amendment_effective_5f79d8b4"))
			.afterDowngrade((ds) -> assertThat(Sql.column(ds, "select conname from pg_constraint"
					+ " where conrelid = 'subscription_billing_agreement_amendment'::regclass and contype in ('u', 'f')"))
				.isEmpty())
			.run(db);
	}

	/**
	 * Two names cut to the same 63 bytes are one name to PostgreSQL: the error names the long name and
	 * what it became, instead of only "already exists" about a name the mapping never wrote.
	 */
	@Test
	void namesCutToTheSameSixtyThreeBytesAreNamedInTheError(TestDatabase db) {
		Migrations migrations = Migrations.configure().dataSource(db.dataSource()).locations("filesystem:" + this.directory)
			.outputDirectory(this.directory)
			.entities(EntitySource.of(
					dev.migrations.autogenerate.scenarios.constraints.cutnames.CustomerSubscriptionBillingAgreementHistoryRecordOfTheCustomer.class))
			.load();

		assertThatThrownBy(() -> migrations.migrate("cut")).hasMessageContaining(
				"PostgreSQL said: ERROR: relation \"customer_subscription_billing_agreement_history_record_of_the_c\" already exists")
			.hasMessageContaining("PostgreSQL keeps the first 63 bytes of a name and drops the rest:"
					+ " customer_subscription_billing_agreement_history_record_of_the_customer_document_references"
					+ " becomes customer_subscription_billing_agreement_history_record_of_the_c, the name of an object"
					+ " an earlier statement created")
			.hasMessageContaining("@Table(name = ...), @CollectionTable(name = ...), @JoinTable(name = ...)");
		assertThat(this.directory.toFile().list()).isEmpty();
	}

	/**
	 * Constraints changed by hand behind the entities' back are drift, checks included, and
	 * {@code migrate} writes the revision that puts them back.
	 */
	@Test
	void constraintsChangedByHandAreDrift(TestDatabase db) {
		Migrations migrations = new ScenarioRunner(this.directory).migrations(db.dataSource(),
				List.of(dev.migrations.autogenerate.scenarios.constraints.names.v1.Customer.class, dev.migrations.autogenerate.scenarios.constraints.names.v1.Invoice.class));
		// the index on "name" is called after its column, though name is also a type
		assertThat(read(migrations.migrate("create customer and invoice").file()))
			.contains("CREATE INDEX IF NOT EXISTS ix_customer_name ON customer (name);");
		migrations.upgrade("head");
		ScenarioRunner.execute(db.dataSource(), "ALTER TABLE customer DROP CONSTRAINT customer_credit_limit_check",
				"ALTER TABLE customer ADD CONSTRAINT name_not_blank CHECK (name <> '')",
				"ALTER TABLE customer DROP CONSTRAINT customer_email_key", "DROP INDEX ix_customer_name",
				"ALTER TABLE invoice DROP CONSTRAINT fk_invoice_payer_id__customer",
				"ALTER TABLE invoice ADD CONSTRAINT fk_invoice_payer_id__customer FOREIGN KEY (payer_id) REFERENCES customer");

		List<Difference> drift = migrations.check();
		assertThat(drift).extracting(Difference::kind, Difference::object).containsExactlyInAnyOrder(
				tuple("CHECK_MISSING", "customer"), tuple("CHECK_EXTRA", "customer"), tuple("UNIQUE_MISSING", "customer(email)"),
				tuple("INDEX_MISSING", "customer(name)"), tuple("FOREIGN_KEY_EXTRA", "invoice(payer_id)"),
				tuple("FOREIGN_KEY_MISSING", "invoice(payer_id)"));
		assertThat(drift).extracting(Difference::detail)
			.anySatisfy((detail) -> assertThat(detail).contains("lacks check", "credit_limit >= 0"))
			.anySatisfy((detail) -> assertThat(detail).contains("name_not_blank"))
			.anySatisfy((detail) -> assertThat(detail).contains("lacks foreign key (payer_id) -> customer (id) on delete cascade"));
		String revision = read(migrations.migrate("restore constraints").file());
		assertThat(statements(upgrade(revision))).contains(
				"ALTER TABLE customer DROP CONSTRAINT IF EXISTS name_not_blank;",
				"ALTER TABLE customer ADD CONSTRAINT customer_credit_limit_check CHECK (credit_limit >= 0);",
				"ALTER TABLE invoice ADD CONSTRAINT fk_invoice_payer_id__customer FOREIGN KEY (payer_id) REFERENCES customer (id)"
						+ " ON DELETE CASCADE;");
		migrations.upgrade("head");
		assertThat(migrations.check()).isEmpty();
	}

	/**
	 * A narrowed enum check meets a row holding the removed constant: the upgrade fails on that
	 * statement, names the revision, and leaves the database at v1 with its rows.
	 */
	@Test
	void enumConstantRemovedWhileRowsHoldItFailsCleanly(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		Migrations v1 = runner.migrations(db.dataSource(), List.of(dev.migrations.autogenerate.scenarios.constraints.enumremoved.v1.Purchase.class));
		v1.migrate("create purchase");
		v1.upgrade("head");
		ScenarioRunner.execute(db.dataSource(), "insert into purchase (id, status) values (1, 'NEW'), (2, 'CANCELLED')");
		List<String> current = v1.current();

		Migrations v2 = runner.migrations(db.dataSource(), List.of(dev.migrations.autogenerate.scenarios.constraints.enumremoved.v2.Purchase.class));
		MigrateResult generated = v2.migrate("drop cancelled");
		assertThat(upgrade(read(generated.file()))).contains("-- WARNING: fails if rows of purchase violate it");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> v2.upgrade("head"))
			.withMessageContaining(generated.revision())
			.withMessageContaining("purchase_status_check");
		assertThat(v2.current()).isEqualTo(current);
		assertThat(Sql.column(db.dataSource(), "select status from purchase order by id")).containsExactly("NEW", "CANCELLED");
		assertThat(v1.check()).isEmpty();
	}

	/**
	 * An {@code @Enumerated(STRING)} constant renamed (CLOSED to ARCHIVED): the new check fails on the
	 * rows holding the old name, and the warning gives the update that moves them, which lets the
	 * upgrade through.
	 */
	@Test
	void enumConstantRenamedGivesTheUpdateThatMovesTheRows(TestDatabase db) {
		ScenarioRunner runner = new ScenarioRunner(this.directory);
		Migrations v1 = runner.migrations(db.dataSource(), List.of(dev.migrations.autogenerate.scenarios.constraints.enumrenamed.v1.Ticket.class));
		v1.migrate("create ticket");
		v1.upgrade("head");
		ScenarioRunner.execute(db.dataSource(), "insert into ticket (id, status) values (1, 'OPEN'), (2, 'CLOSED')");

		Migrations v2 = runner.migrations(db.dataSource(), List.of(dev.migrations.autogenerate.scenarios.constraints.enumrenamed.v2.Ticket.class));
		MigrateResult generated = v2.migrate("rename closed");
		String update = "UPDATE ticket SET status = 'ARCHIVED' WHERE status = 'CLOSED'";
		assertThat(upgrade(read(generated.file()))).contains("-- WARNING: fails if rows of ticket violate it: rows holding"
				+ " 'CLOSED' in status, which it no longer admits; if 'CLOSED' was renamed 'ARCHIVED' (an enum constant"
				+ " or an entity, as a discriminator value), update them just before this statement: " + update + "\n");
		String revision = read(generated.file());
		String add = "ALTER TABLE ticket ADD CONSTRAINT ticket_status_check";
		write(generated.file(), revision.replaceFirst(add, update + ";\n" + add));
		runner.migrations(db.dataSource(), List.of(dev.migrations.autogenerate.scenarios.constraints.enumrenamed.v2.Ticket.class))
			.upgrade("head");
		assertThat(Sql.column(db.dataSource(), "select status from ticket order by id")).containsExactly("OPEN", "ARCHIVED");
	}

	static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The upgrade section of a revision file. */
	static String upgrade(String revision) {
		return revision.substring(revision.indexOf("-- upgrade\n"), revision.indexOf("-- downgrade\n"));
	}

	/** The downgrade section of a revision file. */
	static String downgrade(String revision) {
		return revision.substring(revision.indexOf("-- downgrade\n"));
	}

	/** The statements of a section, comments left out, each on one line when it fits on one. */
	static List<String> statements(String section) {
		List<String> statements = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : section.split("\n")) {
			if (current.isEmpty() && (line.isBlank() || line.startsWith("--"))) {
				continue;
			}
			current.append(current.isEmpty() ? "" : "\n").append(line);
			if (line.endsWith(";")) {
				statements.add(current.toString());
				current.setLength(0);
			}
		}
		return statements;
	}

	static List<String> indexes(DataSource dataSource, String table) {
		return Sql.column(dataSource, "select indexname from pg_indexes where tablename = '" + table + "'");
	}

}
