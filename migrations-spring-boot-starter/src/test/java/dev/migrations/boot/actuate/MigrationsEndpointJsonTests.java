package dev.migrations.boot.actuate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.Migrations;
import dev.migrations.boot.actuate.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON {@link MigrationsEndpoint} serves over HTTP, against a real database with a clock the
 * tests move: written once per status, written again once the status cache reads the database again
 * (after its time-to-live, or at once after this application's upgrade), and bounded for a history
 * longer than {@code revisionsListed}.
 */
class MigrationsEndpointJsonTests {

	private static final String FIRST = "5a1e00000001";

	private static final String SECOND = "5a1e00000002";

	private final MovableClock clock = new MovableClock();

	/** As actuator's JSON mapper: {@code null} values left out. */
	private final JsonMapper mapper = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private final AtomicInteger writes = new AtomicInteger();

	private final Function<MigrationsDescriptor, byte[]> writer = (descriptor) -> {
		this.writes.incrementAndGet();
		return this.mapper.writeValueAsBytes(descriptor);
	};

	private TestDatabase database;

	private Migrations migrations;

	@BeforeEach
	void createDatabaseAtTheFirstRevision() {
		this.database = TestDatabases.postgres();
		this.migrations = migrations();
		this.migrations.upgrade(FIRST);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void theJsonIsWrittenOncePerStatusAndAgainAfterTheTimeToLive() {
		MigrationsEndpoint endpoint = new MigrationsEndpoint(
				new MigrationsStatusCache(this.migrations, Duration.ofSeconds(1), this.clock), null);
		byte[] first = endpoint.json(this.writer);
		assertThat(json(first).read("$.pending", List.class)).containsExactly(SECOND);
		assertThat(endpoint.json(this.writer)).isSameAs(first);
		assertThat(this.writes).hasValue(1);

		migrations().upgrade("head");
		this.clock.advance(Duration.ofMillis(999));
		assertThat(endpoint.json(this.writer)).isSameAs(first);
		this.clock.advance(Duration.ofMillis(1));
		DocumentContext read = json(endpoint.json(this.writer));
		assertThat(read.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(read.read("$.current", List.class)).containsExactly(SECOND);
		assertThat(this.writes).hasValue(2);
	}

	@Test
	void thisApplicationsUpgradeShowsInTheJsonAtOnce() {
		MigrationsEndpoint endpoint = new MigrationsEndpoint(
				new MigrationsStatusCache(this.migrations, Duration.ofHours(1), this.clock), null);
		assertThat(json(endpoint.json(this.writer)).read("$.pending", List.class)).containsExactly(SECOND);
		this.migrations.upgrade("head");
		DocumentContext read = json(endpoint.json(this.writer));
		assertThat(read.read("$.upToDate", Boolean.class)).isTrue();
		assertThat(read.read("$.revisions[*].state", List.class)).containsExactly("APPLIED", "APPLIED");
		this.migrations.downgrade("base");
		assertThat(json(endpoint.json(this.writer)).read("$.current", List.class)).isEmpty();
	}

	@Test
	void invalidatingTheStatusWritesTheJsonAgain() {
		MigrationsStatusCache cache = new MigrationsStatusCache(this.migrations, Duration.ofHours(1), this.clock);
		MigrationsEndpoint endpoint = new MigrationsEndpoint(cache, null);
		assertThat(json(endpoint.json(this.writer)).read("$.current", List.class)).containsExactly(FIRST);
		migrations().stamp(SECOND);
		assertThat(json(endpoint.json(this.writer)).read("$.current", List.class)).containsExactly(FIRST);
		cache.invalidate();
		assertThat(json(endpoint.json(this.writer)).read("$.current", List.class)).containsExactly(SECOND);
	}

	@Test
	void aHistoryOfAtMostRevisionsListedIsListedWhole() {
		MigrationsEndpoint endpoint = new MigrationsEndpoint(
				new MigrationsStatusCache(this.migrations, Duration.ofHours(1), this.clock), null, 2);
		DocumentContext read = json(endpoint.json(this.writer));
		assertThat(read.read("$", Map.class).keySet()).containsExactly("current", "heads", "upToDate", "pending",
				"revisions", "drift");
		assertThat(read.read("$.revisions[*].revision", List.class)).containsExactly(SECOND, FIRST);
	}

	@Test
	void aLongerHistoryListsWhatIsNotAppliedAndTheNewestApplied() {
		MigrationsEndpoint endpoint = new MigrationsEndpoint(
				new MigrationsStatusCache(this.migrations, Duration.ofHours(1), this.clock), null, 1);
		// the pending revision fills the list: the applied one is counted
		DocumentContext read = json(endpoint.json(this.writer));
		assertThat(read.read("$", Map.class).keySet()).containsExactly("current", "heads", "upToDate", "pending",
				"revisions", "revisionsNotListed", "drift");
		assertThat(read.read("$.revisions[*].revision", List.class)).containsExactly(SECOND);
		assertThat(read.read("$.revisions[0].state", String.class)).isEqualTo("PENDING");
		assertThat(read.read("$.revisionsNotListed", Integer.class)).isEqualTo(1);

		DocumentContext all = json(this.mapper.writeValueAsBytes(endpoint.migrations(true)));
		assertThat(all.read("$", Map.class)).doesNotContainKey("revisionsNotListed");
		assertThat(all.read("$.revisions[*].revision", List.class)).containsExactly(SECOND, FIRST);

		this.migrations.upgrade("head");
		read = json(endpoint.json(this.writer));
		assertThat(read.read("$.revisions[*].revision", List.class)).containsExactly(SECOND);
		assertThat(read.read("$.revisions[0].state", String.class)).isEqualTo("APPLIED");
		assertThat(read.read("$.revisionsNotListed", Integer.class)).isEqualTo(1);
	}

	@Test
	void notAppliedRevisionsAreListedBeyondTheLimit() {
		this.migrations.downgrade("base");
		MigrationsEndpoint endpoint = new MigrationsEndpoint(
				new MigrationsStatusCache(this.migrations, Duration.ofHours(1), this.clock), null, 1);
		DocumentContext read = json(endpoint.json(this.writer));
		assertThat(read.read("$.revisions[*].state", List.class)).containsExactly("PENDING", "PENDING");
		assertThat(read.read("$.revisionsNotListed", Integer.class)).isZero();
	}

	@Test
	void aFailedRevisionSaysWhatFailedAsTheVersionTableRecordedIt() throws SQLException {
		this.migrations.upgrade("head");
		// as a revision run outside a transaction that failed half-way leaves its row
		String error = "Statement 2 of 3 failed: ERROR: column \"isbn\" contains null values. Finish or undo its"
				+ " statements by hand, then run `db stamp 5a1e00000002` or `db stamp 5a1e00000001`.";
		try (Connection connection = this.database.connection();
				PreparedStatement statement = connection
					.prepareStatement("UPDATE migrations_version SET state = 'FAILED', error = ? WHERE revision = ?")) {
			statement.setString(1, error);
			statement.setString(2, SECOND);
			assertThat(statement.executeUpdate()).isOne();
		}
		MigrationsEndpoint endpoint = new MigrationsEndpoint(
				new MigrationsStatusCache(this.migrations, Duration.ZERO, this.clock), null);
		DocumentContext read = json(endpoint.json(this.writer));
		assertThat(read.read("$.revisions[*].state", List.class)).containsExactly("FAILED", "APPLIED");
		assertThat(read.read("$.revisions[0]", Map.class).keySet()).containsExactly("revision", "downRevisions", "message",
				"state", "appliedAt", "executionMillis", "checksum", "error");
		assertThat(read.read("$.revisions[0].error", String.class)).isEqualTo(error);
		assertThat(read.read("$.revisions[1]", Map.class)).doesNotContainKey("error");
	}

	private Migrations migrations() {
		return Migrations.configure().dataSource(this.database.dataSource()).locations("classpath:db/library").load();
	}

	private static DocumentContext json(byte[] json) {
		return JsonPath.parse(new String(json, StandardCharsets.UTF_8));
	}

}
