package dev.migrations.lint;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutsideTheDatabaseTest {

	@ParameterizedTest
	@ValueSource(strings = { "CREATE ROLE app NOLOGIN", "create user app password 'x'", "ALTER ROLE app SET work_mem = '8MB'",
			"DROP GROUP IF EXISTS old", "ALTER DATABASE shop SET work_mem = '7MB'", "COMMENT ON DATABASE shop IS 'x'",
			"COMMENT ON ROLE app IS 'x'", "GRANT CONNECT ON DATABASE shop TO app", "GRANT reader TO app",
			"REVOKE reader FROM app", "ALTER SYSTEM SET work_mem = '1MB'", "CREATE TABLESPACE fast LOCATION '/ssd'",
			"SECURITY LABEL FOR selinux ON ROLE app IS 'x'", "REASSIGN OWNED BY old TO app", "DROP OWNED BY old",
			"COPY item TO '/tmp/items.csv'", "COPY item FROM PROGRAM 'curl http://x'",
			"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'shop'",
			"SELECT dblink_exec('dbname=other', 'DELETE FROM t')",
			"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app') THEN CREATE ROLE app; END IF; END $$",
			"DO $body$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = ''7MB''', current_database()); END $body$",
			"DO $$ BEGIN GRANT reader TO app; END $$", "CREATE SUBSCRIPTION s CONNECTION 'host=x' PUBLICATION p" })
	void reachesOutside(String sql) {
		assertThat(OutsideTheDatabase.of(sql)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE TABLE \"user\" (id int)", "CREATE TABLE role (id int)",
			"ALTER TABLE item ADD COLUMN role text", "CREATE USER MAPPING FOR app SERVER other",
			"ALTER USER MAPPING FOR app SERVER other OPTIONS (user 'x')", "GRANT SELECT ON item TO app",
			"GRANT USAGE ON SCHEMA shop TO app", "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM app",
			"ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app", "COMMENT ON TABLE item IS 'grant reader to app'",
			"COPY item FROM '/tmp/items.csv'", "INSERT INTO note VALUES ('we copy to ''/tmp'' later')",
			"-- CREATE ROLE app\nCREATE INDEX ix ON item (v)", "/* ALTER SYSTEM SET x = 1 */ SELECT 1",
			"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$", "UPDATE item SET database = 'x'" })
	void staysInside(String sql) {
		assertThat(OutsideTheDatabase.of(sql)).isNull();
	}

}
