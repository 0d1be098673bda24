package dev.migrations.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.MigrationsException;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lint corpus: each case is a revision on top of a setup revision, the exact findings lint must
 * report for it (rule and line within the upgrade section; {@code ~} marks a suppressed finding), and
 * what PostgreSQL does when the revision is applied for real, so every case is real SQL and the rules
 * that say "this fails" are held to it. Each case runs in its own schema of one database.
 */
class LintCorpusPostgresTest {

	/** An existing schema with a row in each table, created by the revision before each case. */
	static final String SETUP = """
			CREATE TABLE account (id bigint PRIMARY KEY, email varchar(100), name text, balance numeric(10,2),
			    created timestamp, code char(3), n int, note varchar);
			INSERT INTO account VALUES (1, 'a@example.com', 'Ann', 10.50, '2026-01-01 10:00', 'abc', 1, 'x');
			CREATE TABLE other (id int PRIMARY KEY);
			INSERT INTO other VALUES (1);
			CREATE TABLE bare (id int);
			CREATE INDEX ix_account_name ON account (name);
			CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);
			CREATE TABLE "Big Table" ("Some Col" int);
			CREATE TABLE "100% items" (id int);
			""";

	static final String INDEX = "index-without-concurrently";

	static final String DROP_INDEX = "drop-index-without-concurrently";

	static final String NO_TRANSACTION = "concurrently-in-transaction";

	static final String FOREIGN_KEY = "foreign-key-without-not-valid";

	static final String CHECK = "check-without-not-valid";

	static final String VALIDATE = "validate-in-same-transaction";

	static final String NOT_NULL = "set-not-null";

	static final String REQUIRED = "add-required-column";

	static final String TYPE = "column-type-rewrite";

	static final String VOLATILE = "add-column-volatile-default";

	static final String UNIQUE = "unique-constraint-without-index";

	static final String RENAME_COLUMN = "rename-column";

	static final String RENAME_TABLE = "rename-table";

	static final String DROP_COLUMN = "drop-column";

	static final String DROP_TABLE = "drop-table";

	static final String BACKFILL = "backfill-in-ddl-transaction";

	static final String REWRITE = "table-rewrite";

	static final String TIMEOUT = "missing-lock-timeout";

	static final String TRANSACTION = "transaction-control";

	static final String DIRECTIVE = "lint-directive";

	static final String ENUM_VALUE = "new-enum-value-in-transaction";

	static final String RENAME_ENUM_VALUE = "rename-enum-value";

	/** Two enum types sharing a value's text, and a table with a column of each. */
	static final String ENUMS = """
			CREATE TYPE mood AS ENUM ('a');
			CREATE TYPE color AS ENUM ('a', 'b');
			CREATE TABLE person (id int, m mood);
			INSERT INTO person VALUES (1, 'a');
			CREATE TABLE paint (id int, c color);
			INSERT INTO paint VALUES (1, 'a');""";

	static TestDatabase database;

	@TempDir
	Path directory;

	@BeforeAll
	static void createDatabase() {
		database = TestDatabases.postgres();
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	static List<Case> cases() {
		return List.of(
				// index-without-concurrently
				c("index on an existing table", "CREATE INDEX ix_a ON account (email);", INDEX + "@1", TIMEOUT + "@1"),
				c("unique expression index, qualified, guarded",
						"CREATE UNIQUE INDEX IF NOT EXISTS ix_a ON {s}.account USING btree (lower(email));", INDEX + "@1",
						TIMEOUT + "@1"),
				c("index concurrently in a non-transactional revision", "CREATE INDEX CONCURRENTLY ix_a ON account (email);")
					.nonTransactional(),
				c("index on a table created in the same revision",
						"CREATE TABLE t2 (id int, v text);\nCREATE INDEX ix_t2 ON t2 (v);"),
				c("index after SET LOCAL lock_timeout",
						"SET LOCAL lock_timeout = '5s';\nCREATE INDEX ix_a ON account (email);", INDEX + "@2"),
				c("lock_timeout 0 is no limit", "SET lock_timeout = 0;\nCREATE INDEX ix_a ON account (email);",
						INDEX + "@2", TIMEOUT + "@2"),
				c("comments and quoted names around an index",
						"/* leading */ CREATE -- the kind\n  INDEX \"Ix\" ON \"account\" (\"email\");", INDEX + "@1",
						TIMEOUT + "@1"),
				c("index on only the parent of a partitioned table", "CREATE INDEX ix_events ON ONLY events (at);"),
				c("index inside a function body is not run",
						"CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  CREATE INDEX ix ON account (email);\n"
								+ "END\n$$;"),
				c("index text inside a string", "INSERT INTO account (id, name) VALUES (99, 'CREATE INDEX ix ON account (email)');"),
				c("index on a quoted table with spaces", "CREATE INDEX ON \"Big Table\" (\"Some Col\");", INDEX + "@1",
						TIMEOUT + "@1"),
				c("lower-case keywords, upper-case table", "create index ix_lower on ACCOUNT (Email);", INDEX + "@1",
						TIMEOUT + "@1"),
				c("re-created table with IF NOT EXISTS stays existing",
						"CREATE TABLE IF NOT EXISTS account (id bigint PRIMARY KEY);\nCREATE INDEX ix_a ON account (email);",
						INDEX + "@2", TIMEOUT + "@2"),
				c("reindex of an existing index", "REINDEX INDEX ix_account_name;", INDEX + "@1", TIMEOUT + "@1"),
				c("reindex concurrently outside a transaction", "REINDEX INDEX CONCURRENTLY ix_account_name;").nonTransactional(),
				// drop-index-without-concurrently
				c("drop index", "DROP INDEX ix_account_name;", DROP_INDEX + "@1", TIMEOUT + "@1"),
				c("drop index concurrently outside a transaction", "DROP INDEX CONCURRENTLY IF EXISTS ix_account_name;")
					.nonTransactional(),
				c("drop an index created in the same revision",
						"CREATE TABLE t3 (a int);\nCREATE INDEX ix3 ON t3 (a);\nDROP INDEX ix3;"),
				// concurrently-in-transaction
				c("index concurrently in a transactional revision", "CREATE INDEX CONCURRENTLY ix_a ON account (email);",
						NO_TRANSACTION + "@1").fails(),
				c("drop index concurrently in a transactional revision", "DROP INDEX CONCURRENTLY ix_account_name;",
						NO_TRANSACTION + "@1").fails(),
				c("vacuum in a transactional revision", "VACUUM account;", NO_TRANSACTION + "@1").fails(),
				c("vacuum outside a transaction", "VACUUM (ANALYZE) account;").nonTransactional(),
				// foreign-key-without-not-valid
				c("foreign key validated at once",
						"ALTER TABLE account ADD CONSTRAINT account_n_fk FOREIGN KEY (n) REFERENCES other (id);",
						FOREIGN_KEY + "@1", TIMEOUT + "@1"),
				c("foreign key NOT VALID after lock_timeout",
						"SET LOCAL lock_timeout = '2s';\nALTER TABLE account ADD CONSTRAINT account_n_fk FOREIGN KEY (n)\n"
								+ "    REFERENCES other (id) NOT VALID;"),
				c("NOT VALID then VALIDATE in one transaction",
						"SET LOCAL lock_timeout = '2s';\nALTER TABLE account ADD CONSTRAINT account_n_fk FOREIGN KEY (n)"
								+ " REFERENCES other (id) NOT VALID;\nALTER TABLE account VALIDATE CONSTRAINT account_n_fk;",
						VALIDATE + "@3"),
				c("NOT VALID then VALIDATE, each statement committing on its own",
						"SET lock_timeout = '2s';\nALTER TABLE account ADD CONSTRAINT account_n_fk FOREIGN KEY (n)"
								+ " REFERENCES other (id) NOT VALID;\nALTER TABLE account VALIDATE CONSTRAINT account_n_fk;")
					.nonTransactional(),
				c("VALIDATE in a later revision", "ALTER TABLE account VALIDATE CONSTRAINT account_n_fk;")
					.setup("ALTER TABLE account ADD CONSTRAINT account_n_fk FOREIGN KEY (n) REFERENCES other (id) NOT VALID;"),
				c("column added with REFERENCES", "ALTER TABLE account ADD COLUMN other_id int REFERENCES other (id);",
						FOREIGN_KEY + "@1", TIMEOUT + "@1"),
				c("new table referencing an existing one",
						"CREATE TABLE child (id int PRIMARY KEY, account_id bigint REFERENCES account (id));", TIMEOUT + "@1"),
				c("new table referencing an existing one, with lock_timeout",
						"SET LOCAL lock_timeout = '2s';\nCREATE TABLE child (id int PRIMARY KEY,\n"
								+ "    account_id bigint REFERENCES account (id) ON DELETE CASCADE);"),
				// check-without-not-valid
				c("check validated at once", "ALTER TABLE account ADD CONSTRAINT account_balance_ck CHECK (balance >= 0);",
						CHECK + "@1", TIMEOUT + "@1"),
				c("check NOT VALID", "ALTER TABLE account ADD CONSTRAINT account_balance_ck CHECK (balance >= 0) NOT VALID;",
						TIMEOUT + "@1"),
				c("check on a new table", "CREATE TABLE t4 (v int);\nALTER TABLE t4 ADD CONSTRAINT t4_ck CHECK (v > 0);"),
				c("column added with a check", "ALTER TABLE account ADD COLUMN score int CHECK (score > 0);", CHECK + "@1",
						TIMEOUT + "@1"),
				// set-not-null
				c("set not null", "ALTER TABLE account ALTER COLUMN name SET NOT NULL;", NOT_NULL + "@1", TIMEOUT + "@1"),
				c("set not null, the online form",
						"SET lock_timeout = '2s';\nALTER TABLE account ADD CONSTRAINT account_name_nn CHECK (name IS NOT NULL)"
								+ " NOT VALID;\nALTER TABLE account VALIDATE CONSTRAINT account_name_nn;\n"
								+ "ALTER TABLE account ALTER COLUMN name SET NOT NULL;\nALTER TABLE account DROP CONSTRAINT"
								+ " account_name_nn;")
					.nonTransactional(),
				c("set not null with a check validated by an earlier revision",
						"ALTER TABLE account ALTER name SET NOT NULL;", TIMEOUT + "@1")
					.setup("ALTER TABLE account ADD CONSTRAINT account_name_nn CHECK ((\"name\" IS NOT NULL));"),
				c("set not null with a check never validated", "ALTER TABLE account ALTER name SET NOT NULL;",
						NOT_NULL + "@1", TIMEOUT + "@1")
					.setup("ALTER TABLE account ADD CONSTRAINT account_name_nn CHECK (name IS NOT NULL) NOT VALID;"),
				c("set not null on a column already not null", "ALTER TABLE account ALTER COLUMN id SET NOT NULL;",
						TIMEOUT + "@1"),
				c("set not null on a new table", "CREATE TABLE t5 (v int);\nALTER TABLE t5 ALTER COLUMN v SET NOT NULL;"),
				// add-required-column
				c("required column without default", "ALTER TABLE account ADD COLUMN status text NOT NULL;",
						REQUIRED + "@1", TIMEOUT + "@1").fails(),
				c("required column with a constant default",
						"ALTER TABLE account ADD COLUMN status text NOT NULL DEFAULT 'new';", TIMEOUT + "@1"),
				c("a check after a default is still seen",
						"ALTER TABLE account ADD COLUMN level int DEFAULT 1 CHECK (level > 0);", CHECK + "@1", TIMEOUT + "@1"),
				c("constraints after a parenthesised volatile default are still seen",
						"ALTER TABLE account ADD COLUMN other_ref int DEFAULT (random() * 0 + 1)::int NOT NULL REFERENCES other (id);",
						VOLATILE + "@1", FOREIGN_KEY + "@1", TIMEOUT + "@1"),
				c("quoted column, default after NOT NULL",
						"ALTER TABLE account ADD COLUMN IF NOT EXISTS \"Status\" varchar(20) NOT NULL DEFAULT 'x';",
						TIMEOUT + "@1"),
				// column-type-rewrite
				c("varchar widened", "ALTER TABLE account ALTER COLUMN email TYPE varchar(200);", TIMEOUT + "@1"),
				c("varchar to text", "ALTER TABLE account ALTER COLUMN email TYPE text;", TIMEOUT + "@1"),
				c("numeric precision raised, same scale", "ALTER TABLE account ALTER COLUMN balance TYPE numeric(12,2);",
						TIMEOUT + "@1"),
				c("numeric scale changed", "ALTER TABLE account ALTER COLUMN balance TYPE numeric(12,4);", TYPE + "@1",
						TIMEOUT + "@1"),
				c("int to bigint", "ALTER TABLE account ALTER COLUMN n TYPE bigint;", TYPE + "@1", TIMEOUT + "@1"),
				c("varchar narrowed", "ALTER TABLE account ALTER COLUMN email TYPE varchar(50);", TYPE + "@1",
						TIMEOUT + "@1"),
				c("unbounded varchar to text", "ALTER TABLE account ALTER COLUMN note SET DATA TYPE text;", TIMEOUT + "@1"),
				c("char widened rewrites", "ALTER TABLE account ALTER COLUMN code TYPE char(5);", TYPE + "@1",
						TIMEOUT + "@1"),
				c("USING an expression", "ALTER TABLE account ALTER COLUMN n TYPE bigint USING n * 1;", TYPE + "@1",
						TIMEOUT + "@1"),
				c("USING a plain cast of a widening", "ALTER TABLE account ALTER COLUMN email TYPE varchar(300) USING"
						+ " email::varchar(300);", TIMEOUT + "@1"),
				c("enum swap through text rewrites",
						"ALTER TYPE mood RENAME TO mood_old;\nCREATE TYPE mood AS ENUM ('sad', 'happy', 'ok');\n"
								+ "ALTER TABLE account ALTER COLUMN feeling TYPE mood USING feeling::text::mood;\nDROP TYPE mood_old;",
						TYPE + "@3", TIMEOUT + "@3")
					.setup("CREATE TYPE mood AS ENUM ('sad', 'happy');\nALTER TABLE account ADD COLUMN feeling mood;"),
				c("timestamp to timestamptz without the database", "ALTER TABLE account ALTER COLUMN created TYPE timestamptz;",
						TYPE + "@1", TIMEOUT + "@1"),
				c("timestamp to its maximum precision", "ALTER TABLE account ALTER COLUMN created TYPE timestamp(6);",
						TIMEOUT + "@1"),
				c("timestamp to its maximum precision, spelt as Hibernate writes it",
						"ALTER TABLE account ALTER COLUMN created TYPE timestamp(6) without time zone;", TIMEOUT + "@1"),
				c("timestamp precision lowered", "ALTER TABLE account ALTER COLUMN created TYPE timestamp(3);", TYPE + "@1",
						TIMEOUT + "@1"),
				c("type change on a new table",
						"CREATE TABLE t6 (v int);\nALTER TABLE t6 ALTER COLUMN v TYPE bigint;"),
				c("collation change only", "ALTER TABLE account ALTER COLUMN name TYPE text COLLATE \"C\";", TIMEOUT + "@1"),
				// add-column-volatile-default
				c("uuid default", "ALTER TABLE account ADD COLUMN token uuid DEFAULT gen_random_uuid();", VOLATILE + "@1",
						TIMEOUT + "@1"),
				c("now() default is stable", "ALTER TABLE account ADD COLUMN seen timestamptz DEFAULT now();",
						TIMEOUT + "@1"),
				c("bigserial column", "ALTER TABLE account ADD COLUMN seq bigserial;", VOLATILE + "@1", TIMEOUT + "@1"),
				c("identity column", "ALTER TABLE account ADD COLUMN ident bigint GENERATED ALWAYS AS IDENTITY;",
						VOLATILE + "@1", TIMEOUT + "@1"),
				c("stored generated column",
						"ALTER TABLE account ADD COLUMN shout text GENERATED ALWAYS AS (upper(name)) STORED;", VOLATILE + "@1",
						TIMEOUT + "@1"),
				c("random default with NOT NULL", "ALTER TABLE account ADD COLUMN r float8 DEFAULT random() NOT NULL;",
						VOLATILE + "@1", TIMEOUT + "@1"),
				c("function name inside a JSON default",
						"ALTER TABLE account ADD COLUMN meta jsonb DEFAULT '{\"fn\":\"random()\"}'::jsonb;", TIMEOUT + "@1"),
				// unique-constraint-without-index
				c("unique constraint added directly",
						"ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE (email);", UNIQUE + "@1", TIMEOUT + "@1"),
				c("unique constraint, the online form",
						"SET lock_timeout = '2s';\nCREATE UNIQUE INDEX CONCURRENTLY account_email_idx ON account (email);\n"
								+ "ALTER TABLE account ADD CONSTRAINT account_email_key UNIQUE USING INDEX account_email_idx;")
					.nonTransactional(),
				c("primary key added directly", "ALTER TABLE bare ADD PRIMARY KEY (id);", UNIQUE + "@1", TIMEOUT + "@1"),
				// PostgreSQL sets NOT NULL on a nullable column of the index, scanning the table
				c("primary key using an index on a nullable column",
						"SET lock_timeout = '2s';\nCREATE UNIQUE INDEX CONCURRENTLY bare_id_idx ON bare USING btree (id int4_ops);\n"
								+ "ALTER TABLE bare ADD CONSTRAINT bare_pkey PRIMARY KEY USING INDEX bare_id_idx;",
						NOT_NULL + "@3")
					.nonTransactional(),
				// a quoted index name keeps its case: the index is still found
				c("primary key using an index with a quoted name on a nullable column",
						"SET lock_timeout = '2s';\nCREATE UNIQUE INDEX CONCURRENTLY \"Bare Id\" ON bare (id);\n"
								+ "ALTER TABLE bare ADD CONSTRAINT bare_pkey PRIMARY KEY USING INDEX \"Bare Id\";",
						NOT_NULL + "@3")
					.nonTransactional(),
				c("primary key using an index on a column already not null",
						"SET lock_timeout = '2s';\nCREATE UNIQUE INDEX CONCURRENTLY keyed_id_idx ON keyed (id);\n"
								+ "ALTER TABLE keyed ADD CONSTRAINT keyed_pkey PRIMARY KEY USING INDEX keyed_id_idx;")
					.setup("CREATE TABLE keyed (id int NOT NULL);")
					.nonTransactional(),
				c("column added UNIQUE", "ALTER TABLE account ADD COLUMN code2 int UNIQUE;", UNIQUE + "@1", TIMEOUT + "@1"),
				// rename-column and rename-table
				c("rename column", "ALTER TABLE account RENAME COLUMN name TO full_name;", RENAME_COLUMN + "@1",
						TIMEOUT + "@1"),
				c("rename table", "ALTER TABLE account RENAME TO customer;", RENAME_TABLE + "@1", TIMEOUT + "@1"),
				c("renames on a new table",
						"CREATE TABLE t7 (a int);\nALTER TABLE t7 RENAME a TO b;\nALTER TABLE t7 RENAME TO t8;"),
				c("rename an index", "ALTER INDEX ix_account_name RENAME TO ix_account_full_name;"),
				// drop-column and drop-table
				c("drop column", "ALTER TABLE account DROP COLUMN note;", DROP_COLUMN + "@1", TIMEOUT + "@1"),
				c("drop table", "DROP TABLE IF EXISTS other CASCADE;", DROP_TABLE + "@1", TIMEOUT + "@1"),
				c("drop a table created in the same revision", "CREATE TABLE t9 (a int);\nDROP TABLE t9;"),
				// backfill-in-ddl-transaction
				c("backfill after DDL in one transaction",
						"ALTER TABLE account ADD COLUMN flag boolean;\nUPDATE account SET flag = false;", BACKFILL + "@2",
						TIMEOUT + "@1"),
				c("batched backfill after DDL",
						"ALTER TABLE account ADD COLUMN flag boolean;\nUPDATE account SET flag = false WHERE id BETWEEN 1 AND"
								+ " 1000;",
						TIMEOUT + "@1"),
				c("backfill after DDL, not transactional",
						"ALTER TABLE account ADD COLUMN flag boolean;\nUPDATE account SET flag = false;", TIMEOUT + "@1")
					.nonTransactional(),
				c("backfill without DDL", "UPDATE account SET note = 'y' WHERE note IS NULL;"),
				c("delete of every row, then DDL", "DELETE FROM account;\nALTER TABLE account ADD COLUMN x int;",
						BACKFILL + "@1", TIMEOUT + "@2"),
				c("IS NULL backfill is not a batch",
						"SET LOCAL lock_timeout = '1s';\nALTER TABLE account ADD COLUMN nick text;\n"
								+ "UPDATE account SET nick = name WHERE nick IS NULL;",
						BACKFILL + "@3"),
				// transaction-control
				// refused by the runner too, before anything runs
				c("BEGIN and COMMIT in a transactional revision", "BEGIN;\nCREATE TABLE t10 (id int);\nCOMMIT;",
						TRANSACTION + "@1", TRANSACTION + "@3").fails(),
				c("BEGIN and COMMIT in a non-transactional revision", "BEGIN;\nCREATE TABLE t10 (id int);\nCOMMIT;",
						TRANSACTION + "@1", TRANSACTION + "@3").nonTransactional().fails(),
				// missing-lock-timeout
				c("SET LOCAL lock_timeout", "SET LOCAL lock_timeout = '3s';\nALTER TABLE account ADD COLUMN y int;"),
				c("set_config lock_timeout",
						"SELECT set_config('lock_timeout', '3s', true);\nALTER TABLE account ADD COLUMN y int;"),
				c("SET LOCAL outside a transaction lasts one statement",
						"SET LOCAL lock_timeout = '3s';\nALTER TABLE account ADD COLUMN y int;", TIMEOUT + "@2")
					.nonTransactional(),
				c("lock_timeout set to DEFAULT", "SET lock_timeout TO DEFAULT;\nALTER TABLE account ADD COLUMN y int;",
						TIMEOUT + "@2"),
				c("lock_timeout reset", "SET lock_timeout = '1s';\nRESET lock_timeout;\nALTER TABLE account ADD COLUMN y int;",
						TIMEOUT + "@3"),
				c("lock taking statement with the session setting", "SET SESSION lock_timeout = '3s';\nTRUNCATE other;"),
				c("trigger on an existing table",
						"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n  RETURN NEW;\nEND\n$fn$;\n"
								+ "CREATE TRIGGER account_touch BEFORE UPDATE ON account FOR EACH ROW EXECUTE FUNCTION touch();",
						TIMEOUT + "@6"),
				// new-enum-value-in-transaction
				c("new enum value updated in the same transaction",
						"ALTER TYPE mood ADD VALUE 'b';\nUPDATE person SET m = 'b' WHERE id = 1;", ENUM_VALUE + "@2")
					.setup(ENUMS)
					.fails(),
				c("new enum value inserted in the same transaction",
						"ALTER TYPE mood ADD VALUE IF NOT EXISTS 'b';\nINSERT INTO person (id, m)\n    VALUES (2, 'b');",
						ENUM_VALUE + "@3")
					.setup(ENUMS)
					.fails(),
				c("new enum value as a column default in the same transaction",
						"ALTER TYPE {s}.mood ADD VALUE 'b';\nCREATE TABLE visit (id int, m mood DEFAULT 'b');",
						ENUM_VALUE + "@2")
					.setup(ENUMS)
					.fails(),
				c("new enum value cast in a check in the same transaction",
						"ALTER TYPE mood ADD VALUE 'b';\nCREATE TABLE visit (id int, m text CHECK (m::mood <> 'b'::mood));",
						ENUM_VALUE + "@2")
					.setup(ENUMS)
					.fails(),
				c("new enum value used only in a later revision", "UPDATE person SET m = 'b' WHERE id = 1;")
					.setup(ENUMS + "\nALTER TYPE mood ADD VALUE 'b';"),
				c("new enum value used in a non-transactional revision",
						"ALTER TYPE mood ADD VALUE 'b';\nUPDATE person SET m = 'b' WHERE id = 1;")
					.setup(ENUMS)
					.nonTransactional(),
				c("another enum's value of the same text",
						"ALTER TYPE mood ADD VALUE 'b';\nUPDATE paint SET c = 'b' WHERE id = 1;")
					.setup(ENUMS),
				// suppressions and directives
				c("rule turned off with a reason",
						"-- lint: disable=missing-lock-timeout the table is tiny and only this job writes it\n"
								+ "ALTER TABLE account ADD COLUMN y int;",
						"~" + TIMEOUT + "@2"),
				c("two rules turned off in one directive",
						"-- lint: disable=index-without-concurrently,missing-lock-timeout built before traffic arrives\n"
								+ "CREATE INDEX ix_a ON account (email);",
						"~" + INDEX + "@2", "~" + TIMEOUT + "@2"),
				c("directive naming an unknown rule",
						"-- lint: disable=missing-lock-timout typo\nALTER TABLE account ADD COLUMN y int;",
						DIRECTIVE + "@1", TIMEOUT + "@2"),
				c("directive without a reason still applies",
						"-- lint: disable=missing-lock-timeout\nALTER TABLE account ADD COLUMN y int;", DIRECTIVE + "@1",
						"~" + TIMEOUT + "@2"),
				c("directive-looking text in a string is not a directive",
						"INSERT INTO account (id, note) VALUES (7, '\n-- lint: disable=missing-lock-timeout no\n');\n"
								+ "ALTER TABLE account ADD COLUMN y int;",
						TIMEOUT + "@4"),
				// other tricky text
				c("DDL in a DO block is opaque",
						"DO $body$\nBEGIN\n  EXECUTE 'ALTER TABLE account ADD COLUMN z int';\nEND\n$body$;"),
				c("escape string with a quote and a semicolon",
						"UPDATE account SET name = E'it\\'s; ALTER TABLE account DROP COLUMN name' WHERE id = 1;"),
				c("comments between every token",
						"ALTER /* a */ TABLE -- b\n  account ADD /* c */ CONSTRAINT account_ck2 CHECK (balance > -1) NOT VALID;",
						TIMEOUT + "@1"),
				c("several actions in one ALTER TABLE",
						"ALTER TABLE account ADD COLUMN a1 int, ADD COLUMN a2 uuid DEFAULT gen_random_uuid(),\n"
								+ "    ALTER COLUMN email TYPE varchar(500);",
						VOLATILE + "@1", TIMEOUT + "@1"),
				c("schema-qualified drop of a qualified column", "ALTER TABLE ONLY {s}.account DROP COLUMN IF EXISTS note;",
						DROP_COLUMN + "@1", TIMEOUT + "@1"),
				c("a percent sign in a quoted table name, volatile default",
						"ALTER TABLE \"100% items\" ADD COLUMN token uuid DEFAULT gen_random_uuid();", VOLATILE + "@1",
						TIMEOUT + "@1"),
				c("a percent sign in a quoted table name, type change", "ALTER TABLE \"100% items\" ALTER COLUMN id TYPE bigint;",
						TYPE + "@1", TIMEOUT + "@1"),
				// rename-enum-value
				c("rename of an enum value", "ALTER TYPE mood RENAME VALUE 'a' TO 'happy';", RENAME_ENUM_VALUE + "@1")
					.setup(ENUMS),
				c("rename of an enum value, qualified and quoted", "ALTER TYPE {s}.\"mood\" RENAME VALUE 'a' TO 'it''s';",
						RENAME_ENUM_VALUE + "@1")
					.setup(ENUMS),
				c("rename of a value of an enum type created in the same revision",
						"CREATE TYPE fresh AS ENUM ('x');\nALTER TYPE fresh RENAME VALUE 'x' TO 'y';"),
				c("rename of an enum type is not a value rename", "ALTER TYPE mood RENAME TO feeling;").setup(ENUMS),
				// table-rewrite
				c("vacuum full of an existing table", "VACUUM FULL account;", REWRITE + "@1", TIMEOUT + "@1").nonTransactional(),
				c("vacuum full of two tables", "VACUUM FULL account, other;", REWRITE + "@1", REWRITE + "@1", TIMEOUT + "@1")
					.nonTransactional(),
				c("vacuum full in a transactional revision", "VACUUM (FULL) account;", NO_TRANSACTION + "@1", REWRITE + "@1",
						TIMEOUT + "@1")
					.fails(),
				c("cluster an existing table", "CLUSTER account USING account_pkey;", REWRITE + "@1", TIMEOUT + "@1"),
				c("vacuum full of the whole database", "VACUUM FULL;", REWRITE + "@1", TIMEOUT + "@1").nonTransactional(),
				c("vacuum full of the whole database in a transactional revision", "VACUUM (FULL, ANALYZE);",
						NO_TRANSACTION + "@1", REWRITE + "@1", TIMEOUT + "@1")
					.fails(),
				c("cluster of every table clustered before", "CLUSTER;", REWRITE + "@1", TIMEOUT + "@1")
					.setup("CLUSTER account USING account_pkey;")
					.nonTransactional(),
				c("cluster of every table clustered before in a transactional revision", "CLUSTER VERBOSE;",
						NO_TRANSACTION + "@1", REWRITE + "@1", TIMEOUT + "@1")
					.fails(),
				c("refresh an existing materialized view", "REFRESH MATERIALIZED VIEW {s}.names;", REWRITE + "@1",
						TIMEOUT + "@1")
					.setup("CREATE MATERIALIZED VIEW names AS SELECT id, name FROM account;"),
				c("refresh a materialized view concurrently", "REFRESH MATERIALIZED VIEW CONCURRENTLY names;", TIMEOUT + "@1")
					.setup("CREATE MATERIALIZED VIEW names AS SELECT id, name FROM account;\n"
							+ "CREATE UNIQUE INDEX ux_names ON names (id);"),
				c("set unlogged", "ALTER TABLE account SET UNLOGGED;", REWRITE + "@1", TIMEOUT + "@1"),
				c("set logged", "ALTER TABLE other SET LOGGED;", REWRITE + "@1", TIMEOUT + "@1")
					.setup("ALTER TABLE other SET UNLOGGED;"),
				c("set unlogged on a new table", "CREATE TABLE t9 (id int);\nALTER TABLE t9 SET UNLOGGED;"),
				c("refresh a materialized view created in the same revision",
						"CREATE MATERIALIZED VIEW names AS SELECT id, name FROM account WITH NO DATA;\n"
								+ "REFRESH MATERIALIZED VIEW names WITH DATA;"),
				c("lock table in share mode", "LOCK TABLE account IN SHARE MODE;", TIMEOUT + "@1"),
				c("lock table in access share mode", "LOCK TABLE account IN ACCESS SHARE MODE;"),
				c("truncate of a new table and an existing one", "CREATE TABLE t9 (id int);\nTRUNCATE t9, ONLY account CASCADE;",
						TIMEOUT + "@2"),
				c("lock of a new table and an existing one", "CREATE TABLE t9 (id int);\nLOCK t9, other * IN EXCLUSIVE MODE;",
						TIMEOUT + "@2"),
				c("lock of an existing table after a new one holds it for the transaction",
						"CREATE TABLE t9 (id int);\nSET LOCAL lock_timeout = '5s';\nLOCK TABLE t9, account;\n"
								+ "ALTER TABLE account VALIDATE CONSTRAINT account_n_ck;",
						VALIDATE + "@4")
					.setup("ALTER TABLE account ADD CONSTRAINT account_n_ck CHECK (n > 0) NOT VALID;"),
				c("comment on a table takes no blocking lock", "COMMENT ON TABLE account IS 'customers; CREATE INDEX';"));
	}

	@TestFactory
	Stream<DynamicTest> corpus() {
		List<Case> cases = cases();
		AtomicInteger number = new AtomicInteger();
		return cases.stream().map((c) -> DynamicTest.dynamicTest(c.name(), () -> run(c, "c" + number.incrementAndGet())));
	}

	private void run(Case c, String schema) throws IOException {
		Path revisions = Files.createDirectories(this.directory.resolve(schema));
		write(revisions, "aaaa00000001", "none", "existing schema", true, SETUP + c.setup());
		Path file = write(revisions, "bbbb00000002", "aaaa00000001", "case", c.transactional(), c.sql().replace("{s}", schema));
		int marker = Files.readAllLines(file).indexOf("-- upgrade") + 1;
		Migrations migrations = Migrations.configure()
			.dataSource(database.dataSource())
			.schema(schema)
			.locations("filesystem:" + revisions)
			.load();

		LintResult result = migrations.lint(LintOptions.defaults().revisions("bbbb00000002").useDatabase(false));

		List<String> actual = new ArrayList<>();
		result.findings().forEach((f) -> actual.add(f.rule() + "@" + (f.line() - marker)));
		result.suppressed().forEach((s) -> actual.add("~" + s.finding().rule() + "@" + (s.finding().line() - marker)));
		assertThat(actual).as(c.name() + "\n" + result.toText()).containsExactlyInAnyOrderElementsOf(c.expected());
		assertThat(result.findings()).allSatisfy((f) -> {
			assertThat(f.revision()).isEqualTo("bbbb00000002");
			assertThat(f.source()).endsWith("bbbb00000002_case.sql");
			assertThat(f.message()).isNotBlank();
			assertThat(f.fix()).isNotBlank();
		});

		switch (c.outcome()) {
			case APPLIES -> migrations.upgrade("head");
			case FAILS -> assertThatThrownBy(() -> migrations.upgrade("head")).isInstanceOf(MigrationsException.class);
			case NOT_APPLIED -> {
			}
		}
	}

	private static Path write(Path directory, String id, String parent, String message, boolean transactional,
			String upgrade) throws IOException {
		String text = "-- revision: " + id + "\n-- down_revision: " + parent + "\n-- message: " + message + "\n"
				+ (transactional ? "" : "-- transactional: false\n") + "\n-- upgrade\n" + upgrade + "\n\n-- downgrade\n";
		Path file = directory.resolve(id + "_" + message.replace(' ', '_').toLowerCase(Locale.ROOT) + ".sql");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

	static Case c(String name, String sql, String... expected) {
		return new Case(name, sql, "", true, Arrays.asList(expected), Outcome.APPLIES);
	}

	enum Outcome {

		/** PostgreSQL applies the revision. */
		APPLIES,

		/** PostgreSQL refuses it: the rule that says so is right. */
		FAILS,

		/** Not applied (the outcome depends on the runner, not on the statement). */
		NOT_APPLIED

	}

	record Case(String name, String sql, String setup, boolean transactional, List<String> expected, Outcome outcome) {

		Case nonTransactional() {
			return new Case(this.name, this.sql, this.setup, false, this.expected, this.outcome);
		}

		Case fails() {
			return new Case(this.name, this.sql, this.setup, this.transactional, this.expected, Outcome.FAILS);
		}

		Case notApplied() {
			return new Case(this.name, this.sql, this.setup, this.transactional, this.expected, Outcome.NOT_APPLIED);
		}

		Case setup(String sql) {
			return new Case(this.name, this.sql, "\n" + sql, this.transactional, this.expected, this.outcome);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
