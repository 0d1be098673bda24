package dev.migrations.render;

import static dev.migrations.diff.TestTables.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.migrations.diff.Operation.AlterColumn;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;

/**
 * Every conversion the renderer writes between the column types it knows, run on a real PostgreSQL
 * against a table holding rows: one dynamic test per ordered pair of types.
 * <p>
 * Each type has sample values, each with the meanings it carries ({@code 1} for the integer 1,
 * the bit string {@code 1} and {@code true}); a value converted to another type must become that
 * type's sample of the same meaning. A string type holds the text of the other type's samples. So,
 * for each pair:
 * <ul>
 * <li>without a conversion, the statement carries a warning and a placeholder, and does not run;</li>
 * <li>the conversion runs on the samples, or fails on a sample without a counterpart, and then
 * only when it warns that values can make it fail;</li>
 * <li>every sample with a counterpart becomes it, and {@code NULL} stays {@code NULL};</li>
 * <li>a sample without a counterpart that converts all the same has changed: the conversion must
 * warn that it loses data;</li>
 * <li>a conversion that claims to lose nothing, followed by the reverse one when that claims the
 * same, gives every value back.</li>
 * </ul>
 * The session's TimeZone is UTC, so that the samples of the time zone types are the ones of the
 * types without.
 */
class PostgresTypeConversionTest {

	private static final List<SampleType> TYPES = types();

	private static TestDatabase database;

	private static Connection connection;

	private final PostgresRenderer renderer = new PostgresRenderer();

	@BeforeAll
	static void connect() throws SQLException {
		database = TestDatabases.postgres();
		connection = database.connection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET TimeZone = 'UTC'");
			statement.execute("SET DateStyle = 'ISO, YMD'");
			statement.execute("SET IntervalStyle = 'postgres'");
		}
		connection.setAutoCommit(false);
	}

	@AfterAll
	static void disconnect() throws SQLException {
		if (connection != null) {
			connection.rollback();
			connection.close();
		}
		if (database != null) {
			database.close();
		}
	}

	/** The cast table is what this server's {@code pg_cast} has between those types, row for row. */
	@Test
	void theCastTableIsTheServers() throws SQLException {
		String types = String.join(", ", PostgresCasts.TYPES.stream().map((type) -> "'" + type + "'").toList());
		List<String> server = query("SELECT format_type(castsource, NULL) || ' -> ' || format_type(casttarget, NULL)"
				+ " || ': ' || castcontext::text FROM pg_cast WHERE castsource <> casttarget"
				+ " AND format_type(castsource, NULL) IN (" + types + ") AND format_type(casttarget, NULL) IN (" + types
				+ ") ORDER BY 1");
		assertThat(PostgresCasts.TABLE.strip().lines().map(String::strip).toList())
			.containsExactlyInAnyOrderElementsOf(server);
	}

	@Test
	void everyTypeOfTheCastTableHasSamples() {
		Set<String> covered = new TreeSet<>();
		for (SampleType type : TYPES) {
			covered.add(type.name.replaceAll("\\(\\d+(,\\d+)?\\)", ""));
		}
		assertThat(covered).containsAll(PostgresCasts.TYPES);
	}

	@TestFactory
	Stream<DynamicTest> everyConversionRunsOnRowsOrSaysWhyNot() {
		List<DynamicTest> tests = new ArrayList<>();
		for (SampleType source : TYPES) {
			for (SampleType target : TYPES) {
				if (source != target) {
					tests.add(DynamicTest.dynamicTest(source.name + " -> " + target.name, () -> convert(source, target)));
				}
			}
		}
		return tests.stream();
	}

	private void convert(SampleType source, SampleType target) throws SQLException {
		Savepoint pair = connection.setSavepoint();
		try {
			check(source, target);
		}
		finally {
			connection.rollback(pair);
		}
	}

	private void check(SampleType source, SampleType target) throws SQLException {
		TypeConversion conversion = TypeConversion.of("c", "conv.c", source.name, target.name);
		List<String> statements = sql(source, target);
		if (!conversion.complete) {
			assertThat(conversion.warnings).singleElement().asString()
				.startsWith("PostgreSQL has no conversion from " + source.name + " to " + target.name);
			execute("CREATE TEMPORARY TABLE conv (id integer, c " + source.name + ")");
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> execute(statements))
				.satisfies((ex) -> assertThat(ex.getSQLState()).as("a syntax error").isEqualTo("42601"));
			return;
		}
		// id -> (the value inserted, the expected value or null when the sample has no counterpart)
		Map<Integer, Row> rows = rows(source, target);
		execute("CREATE TEMPORARY TABLE conv (id integer, c " + source.name + ")");
		execute("INSERT INTO conv VALUES (0, NULL)");
		for (Map.Entry<Integer, Row> row : rows.entrySet()) {
			execute("INSERT INTO conv VALUES (" + row.getKey() + ", (" + row.getValue().inserted + ")::" + source.name + ")");
		}
		Set<Integer> unmatched = new TreeSet<>();
		rows.forEach((id, row) -> {
			if (row.expected == null) {
				unmatched.add(id);
			}
		});
		Savepoint before = connection.setSavepoint();
		try {
			execute(statements);
			assertThat(unmatched).as("samples of %s without a counterpart in %s converted without a warning that data"
					+ " is lost: %s", source.name, target.name, conversion.warnings)
				.satisfiesAnyOf((ids) -> assertThat(ids).isEmpty(), (ids) -> assertThat(conversion.losesData).isTrue());
		}
		catch (SQLException ex) {
			connection.rollback(before);
			assertThat(conversion.mayFail).as("%s -> %s failed (%s) without a warning that values can make it fail",
					source.name, target.name, ex.getMessage()).isTrue();
			assertThat(unmatched).as("%s -> %s failed (%s) although every sample has a counterpart", source.name,
					target.name, ex.getMessage()).isNotEmpty();
			execute("DELETE FROM conv WHERE id IN (" + String.join(", ", unmatched.stream().map(String::valueOf).toList()) + ")");
			execute(statements);
		}
		assertThat(query("SELECT id FROM conv WHERE c IS NULL")).as("NULL stays NULL, nothing else becomes NULL")
			.containsExactly("0");
		for (Map.Entry<Integer, Row> row : rows.entrySet()) {
			if (row.getValue().expected != null) {
				assertThat(compare(target, row.getKey(), row.getValue().expected))
					.as("%s %s as %s", source.name, row.getValue().inserted, target.name)
					.isEqualTo("same");
			}
		}
		TypeConversion back = TypeConversion.of("c", "conv.c", target.name, source.name);
		if (!conversion.losesData && back.complete && !back.losesData) {
			execute(sql(target, source));
			for (Map.Entry<Integer, Row> row : rows.entrySet()) {
				if (row.getValue().expected != null) {
					assertThat(compare(source, row.getKey(), row.getValue().inserted))
						.as("%s %s there and back through %s", source.name, row.getValue().inserted, target.name)
						.isEqualTo("same");
				}
			}
		}
	}

	/** The rows to insert, each with the target's sample it must become (null when it has none). */
	private Map<Integer, Row> rows(SampleType source, SampleType target) throws SQLException {
		Map<Integer, Row> rows = new LinkedHashMap<>();
		int id = 1;
		if (source.string && target.string) {
			for (String text : List.of("hello", "", "x")) {
				if (source.fits(text)) {
					rows.put(id++, new Row(literal(text), target.fits(text) ? literal(text) : null));
				}
			}
		}
		else if (source.string) {
			for (Sample sample : target.samples) {
				String text = textOf(target, sample.literal);
				if (text != null && source.fits(text)) {
					rows.put(id++, new Row(literal(text), sample.literal));
				}
			}
		}
		else if (target.string) {
			for (Sample sample : source.samples) {
				String text = textOf(source, sample.literal);
				rows.put(id++, new Row(sample.literal, (text != null && target.fits(text)) ? literal(text) : null));
			}
		}
		else {
			for (Sample sample : source.samples) {
				String expected = null;
				for (Sample candidate : target.samples) {
					if (sample.keys.contains(candidate.keys.get(0))) {
						expected = candidate.literal;
					}
				}
				rows.put(id++, new Row(sample.literal, expected));
			}
		}
		return rows;
	}

	/** A sample's text as a string column holds it after the conversion, null when it has none. */
	private String textOf(SampleType type, String literal) throws SQLException {
		Savepoint savepoint = connection.setSavepoint();
		try {
			return query("SELECT " + type.text("(" + literal + ")::" + type.name)).get(0);
		}
		catch (SQLException ex) {
			connection.rollback(savepoint);
			return null;
		}
	}

	private List<String> sql(SampleType source, SampleType target) {
		return this.renderer.render(List.of(new AlterColumn("conv", "c", column("c", source.name), column("c", target.name))))
			.stream()
			.map(RenderedStatement::sql)
			.toList();
	}

	/**
	 * {@code same} when the row holds the value by the type's own equality (a large object by its
	 * content, JSON by its text), else what it holds and what was expected.
	 */
	private static String compare(SampleType type, int id, String expected) throws SQLException {
		String value = "(" + expected + ")::" + type.name;
		if (type.name.equals("oid")) {
			// a large object created in the statement that reads it is not in that statement's snapshot
			value = query("SELECT " + value).get(0) + "::oid";
		}
		String same = switch (type.name) {
			case "oid" -> "lo_get(c) IS NOT DISTINCT FROM lo_get(" + value + ")";
			case "json" -> "c::text IS NOT DISTINCT FROM (" + value + ")::text";
			default -> "c IS NOT DISTINCT FROM " + value;
		};
		return query("SELECT CASE WHEN " + same + " THEN 'same' ELSE " + type.comparable("c") + " || ' is not ' || "
				+ type.comparable(value) + " END FROM conv WHERE id = " + id).get(0);
	}

	private static void execute(String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void execute(List<String> statements) throws SQLException {
		for (String sql : statements) {
			execute(sql);
		}
	}

	private static List<String> query(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	private record Row(String inserted, String expected) {
	}

	/**
	 * A sample value.
	 * @param literal an SQL expression of the value
	 * @param keys its meanings, the first the one it stands for: a sample of another type becomes
	 *        this one when it carries that meaning
	 */
	private record Sample(String literal, List<String> keys) {
	}

	private static final class SampleType {

		final String name;

		final List<Sample> samples;

		final boolean string;

		final Integer length;

		SampleType(String name, boolean string, Integer length, List<Sample> samples) {
			this.name = name;
			this.string = string;
			this.length = length;
			this.samples = samples;
		}

		boolean fits(String text) {
			return this.length == null || text.length() <= this.length;
		}

		/** The value as text, the way a conversion to a string type writes it: as the application read it. */
		String text(String expression) {
			return switch (this.name) {
				case "inet" -> "abbrev(" + expression + ")";
				case "bytea" -> "convert_from(" + expression + ", 'UTF8')";
				case "oid" -> "convert_from(lo_get(" + expression + "), 'UTF8')";
				default -> "(" + expression + ")::text";
			};
		}

		/** The value as text to compare: a large object by its content. */
		String comparable(String expression) {
			return this.name.equals("oid") ? "lo_get(" + expression + ")::text" : "(" + expression + ")::text";
		}

	}

	private static Sample sample(String literal, String... keys) {
		return new Sample(literal, List.of(keys));
	}

	private static SampleType type(String name, Sample... samples) {
		return new SampleType(name, false, null, List.of(samples));
	}

	private static SampleType string(String name, Integer length) {
		return new SampleType(name, true, length, List.of());
	}

	private static Sample[] numbers(boolean fractions) {
		List<Sample> samples = new ArrayList<>(List.of(sample("0", "0", "false", "bits:0", "bits:00000000"),
				sample("1", "1", "true", "bits:1", "bits:00000001"), sample("42", "42", "true", "bits:00101010"),
				sample("-7", "-7", "true")));
		if (fractions) {
			samples.add(sample("1.5", "1.5", "true"));
		}
		return samples.toArray(Sample[]::new);
	}

	private static List<SampleType> types() {
		return List.of(type("smallint", numbers(false)), type("integer", numbers(false)), type("bigint", numbers(false)),
				type("numeric", numbers(true)), type("numeric(19,2)", numbers(true)), type("real", numbers(true)),
				type("double precision", numbers(true)), type("money", numbers(true)),
				type("boolean", sample("true", "true", "1", "bits:1", "bits:00000001"),
						sample("false", "false", "0", "bits:0", "bits:00000000")),
				type("bit(1)", sample("B'1'", "bits:1", "1", "true"), sample("B'0'", "bits:0", "0", "false")),
				type("bit(8)", sample("B'00101010'", "bits:00101010", "42", "true"),
						sample("B'00000001'", "bits:00000001", "1", "true"),
						sample("B'00000000'", "bits:00000000", "0", "false")),
				type("bit varying", sample("B'101'", "bits:101"), sample("B'1'", "bits:1"), sample("B'0'", "bits:0"),
						sample("B'00101010'", "bits:00101010"), sample("B'00000001'", "bits:00000001"),
						sample("B'00000000'", "bits:00000000")),
				string("text", null), string("character varying", null), string("character varying(255)", 255),
				string("character(1)", 1),
				type("date", sample("'2024-01-02'", "D2024-01-02", "TS2024-01-02 00:00:00")),
				type("timestamp(6) without time zone",
						sample("'2024-01-02 00:00:00'", "TS2024-01-02 00:00:00", "D2024-01-02", "T00:00:00"),
						sample("'2024-01-02 03:04:05.123456'", "TS2024-01-02 03:04:05.123456", "D2024-01-02",
								"T03:04:05.123456")),
				type("timestamp(6) with time zone",
						sample("'2024-01-02 00:00:00+00'", "TS2024-01-02 00:00:00", "D2024-01-02", "T00:00:00",
								"TZ00:00:00+00"),
						sample("'2024-01-02 03:04:05.123456+00'", "TS2024-01-02 03:04:05.123456", "D2024-01-02",
								"T03:04:05.123456", "TZ03:04:05.123456+00")),
				type("time(6) without time zone", sample("'00:00:00'", "T00:00:00", "I00:00:00", "TZ00:00:00+00"),
						sample("'03:04:05.123456'", "T03:04:05.123456", "I03:04:05.123456", "TZ03:04:05.123456+00")),
				type("time(6) with time zone", sample("'00:00:00+00'", "TZ00:00:00+00", "T00:00:00"),
						sample("'03:04:05.123456+00'", "TZ03:04:05.123456+00", "T03:04:05.123456"),
						sample("'03:04:05+02'", "TZ03:04:05+02", "T03:04:05")),
				type("interval", sample("'00:00:00'", "I00:00:00", "T00:00:00"),
						sample("'03:04:05.123456'", "I03:04:05.123456", "T03:04:05.123456"),
						sample("'1 day 02:00:00'", "I1 day 02:00:00")),
				type("bytea", sample("'\\x68656c6c6f'::bytea", "B68656c6c6f"), sample("'\\x'::bytea", "B"),
						sample("'\\x00ff'::bytea", "B00ff")),
				type("oid", sample("lo_from_bytea(0, '\\x68656c6c6f')", "B68656c6c6f"), sample("lo_from_bytea(0, '\\x')", "B"),
						sample("lo_from_bytea(0, '\\x00ff')", "B00ff")),
				type("uuid", sample("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'", "Ua0eebc99")),
				type("json", sample("'{\"a\": 1}'", "J{\"a\": 1}"), sample("'42'", "J42"), sample("'1.5'", "J1.5"),
						sample("'true'", "Jtrue"), sample("'{\"a\": 1, \"a\": 2}'", "Jduplicate")),
				type("jsonb", sample("'{\"a\": 1}'", "J{\"a\": 1}"), sample("'42'", "J42", "42"),
						sample("'1.5'", "J1.5", "1.5"), sample("'true'", "Jtrue", "true")),
				type("inet", sample("'192.168.1.5/24'", "N192.168.1.5/24"), sample("'10.0.0.1'", "N10.0.0.1"),
						sample("'192.168.1.0/24'", "N192.168.1.0/24", "C192.168.1.0/24"),
						sample("'10.0.0.0/8'", "N10.0.0.0/8", "C10.0.0.0/8")),
				type("cidr", sample("'192.168.1.0/24'", "C192.168.1.0/24", "N192.168.1.0/24"),
						sample("'10.0.0.0/8'", "C10.0.0.0/8", "N10.0.0.0/8")));
	}

}
