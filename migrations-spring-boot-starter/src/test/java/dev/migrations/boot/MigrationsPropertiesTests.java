package dev.migrations.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.migrations.MigrateOptions;
import dev.migrations.Migrations;
import dev.migrations.MigrationsConfiguration;
import dev.migrations.TenantMigrations;
import dev.migrations.render.OnlineForm;
import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsPropertiesTests {

	private final MigrationsProperties properties = new MigrationsProperties();

	@Test
	void defaultsAreTheCoreDefaults() {
		assertThat(this.properties.getLocations()).containsExactly(MigrationsConfiguration.DEFAULT_LOCATION);
		assertThat(this.properties.getVersionTable()).isEqualTo(MigrationsConfiguration.DEFAULT_VERSION_TABLE);
		assertThat(this.properties.getLockTimeout()).isEqualTo(MigrationsConfiguration.DEFAULT_LOCK_TIMEOUT);
		// unset: the source directory of the locations, the core's default for the default locations
		assertThat(this.properties.getGenerate().getOutputDir()).isNull();
		assertThat(MigrationsAutoConfiguration.outputDirectory(this.properties))
			.isEqualTo(Path.of(MigrationsConfiguration.DEFAULT_OUTPUT_DIRECTORY))
			.isEqualTo(Migrations.configure().locations(this.properties.getLocations()).load().outputDirectory());
		assertThat(this.properties.isValidateChecksums()).isTrue();
		assertThat(this.properties.getJavaPackages()).isEmpty();
		assertThat(this.properties.getSchema()).isNull();
		assertThat(this.properties.getInstalledBy()).isNull();
	}

	@Test
	void defaultsOfTheStartupBehaviour() {
		assertThat(this.properties.isEnabled()).isTrue();
		assertThat(this.properties.isUpgradeOnStartup()).isTrue();
		assertThat(this.properties.getTarget()).isEqualTo("head");
		assertThat(this.properties.isFailOnMissingLocations()).isTrue();
		assertThat(this.properties.getDrift().isEnabled()).isTrue();
		assertThat(this.properties.getDrift().getOnStartup()).isEqualTo(MigrationsProperties.DriftAction.WARN);
	}

	@Test
	void ideMetadataShowsTheSameDefaults() throws IOException {
		DocumentContext metadata = metadata();
		assertThat(defaultOf(metadata, "migrations.locations")).isEqualTo(List.of(MigrationsConfiguration.DEFAULT_LOCATION));
		assertThat(defaultOf(metadata, "migrations.version-table")).isEqualTo(MigrationsConfiguration.DEFAULT_VERSION_TABLE);
		assertThat(DurationStyle.detectAndParse((String) defaultOf(metadata, "migrations.lock-timeout")))
			.isEqualTo(MigrationsConfiguration.DEFAULT_LOCK_TIMEOUT);
		// no single default: the directory the locations read (see outputDirectoryFollowsTheLocations)
		assertThat(metadata.<List<Object>>read("$.properties[?(@.name == 'migrations.generate.output-dir')].defaultValue"))
			.isEmpty();
		assertThat(defaultOf(metadata, "migrations.drift.on-startup")).isEqualTo("warn");
	}

	@Test
	void outputDirectoryFollowsTheLocations() {
		this.properties.setLocations(List.of("classpath:db/migration"));
		assertThat(MigrationsAutoConfiguration.outputDirectory(this.properties))
			.isEqualTo(Path.of("src/main/resources/db/migration"));
		this.properties.setLocations(List.of("classpath:/db/revisions/{vendor}/", "classpath:db/common"));
		assertThat(MigrationsAutoConfiguration.outputDirectory(this.properties))
			.isEqualTo(Path.of("src/main/resources/db/revisions/{vendor}"));
		this.properties.setLocations(List.of("classpath:db/revisions", "filesystem:/srv/revisions"));
		assertThat(MigrationsAutoConfiguration.outputDirectory(this.properties)).isEqualTo(Path.of("/srv/revisions"));
		// Spring's file: prefix and a path without prefix, which the locations read as filesystem: and classpath:
		this.properties.setLocations(List.of("classpath:db/common", "file:revisions"));
		assertThat(MigrationsAutoConfiguration.outputDirectory(this.properties)).isEqualTo(Path.of("revisions"));
		this.properties.setLocations(List.of("db/migration"));
		assertThat(MigrationsAutoConfiguration.outputDirectory(this.properties))
			.isEqualTo(Path.of("src/main/resources/db/migration"));
		this.properties.getGenerate().setOutputDir("revisions-out");
		assertThat(MigrationsAutoConfiguration.outputDirectory(this.properties)).isEqualTo(Path.of("revisions-out"));
	}

	@Test
	void ideMetadataDocumentsEveryProperty() throws IOException {
		List<Map<String, Object>> properties = metadata().read("$.properties[*]");
		assertThat(properties).filteredOn((property) -> !(property.get("description") instanceof String text) || text.isBlank())
			.extracting((property) -> property.get("name"))
			.isEmpty();
		List<String> names = metadata().read("$.properties[*].name");
		assertThat(names).contains("migrations.enabled", "migrations.locations", "migrations.upgrade-on-startup",
				"migrations.target", "migrations.schema", "migrations.version-table", "migrations.lock-timeout",
				"migrations.validate-checksums", "migrations.drift.enabled", "migrations.drift.on-startup",
				"migrations.generate.output-dir", "migrations.drift.ignore-extra-indexes");
	}

	@Test
	void theCommandModePropertiesTheReadmeNamesAreInTheIdeMetadata() throws IOException {
		DocumentContext metadata = metadata();
		assertThat(defaultOf(metadata, "migrations.shell.command-mode.fast-start")).isEqualTo(true);
		assertThat(defaultOf(metadata, "migrations.shell.command-mode.allow-in-memory")).isEqualTo(false);
	}

	@Test
	void theTenantsParallelismDocumentedIsTheOneInTheIdeMetadata() throws IOException {
		// docs/tenants.md: `migrations.tenants.parallelism` defaults to 4, which an IDE shows too
		assertThat(defaultOf(metadata(), "migrations.tenants.parallelism")).isEqualTo(TenantMigrations.DEFAULT_PARALLELISM)
			.isEqualTo(4);
	}

	@Test
	void defaultsOfDriftAndHealth() throws IOException {
		MigrationsProperties.Drift drift = this.properties.getDrift();
		assertThat(drift.getInterval()).isEqualTo(Duration.ofMinutes(10));
		assertThat(drift.getIncludeTables()).isEmpty();
		assertThat(drift.getExcludeTables()).isEmpty();
		assertThat(drift.isIgnoreExtraIndexes()).isFalse();
		MigrationsProperties.Health health = this.properties.getHealth();
		assertThat(health.getPendingStatus()).isEqualTo("OUT_OF_SERVICE");
		assertThat(health.getModifiedStatus()).isEqualTo("UP");
		assertThat(health.getMissingStatus()).isEqualTo("UP");
		assertThat(health.getDriftStatus()).isEqualTo("UP");
		DocumentContext metadata = metadata();
		assertThat(DurationStyle.detectAndParse((String) defaultOf(metadata, "migrations.drift.interval")))
			.isEqualTo(drift.getInterval());
		assertThat(defaultOf(metadata, "migrations.health.pending-status")).isEqualTo("OUT_OF_SERVICE");
		List<String> hinted = metadata.read("$.hints[?(@.name == 'migrations.health.pending-status')].values[*].value");
		assertThat(hinted).contains("UP", "OUT_OF_SERVICE", "DOWN");
	}

	@Test
	void theActuatorReusesTheStatusForOneSecondByDefault() throws IOException {
		assertThat(this.properties.getActuator().getStatusCacheTtl()).isEqualTo(Duration.ofSeconds(1));
		assertThat(DurationStyle.detectAndParse((String) defaultOf(metadata(), "migrations.actuator.status-cache-ttl")))
			.isEqualTo(this.properties.getActuator().getStatusCacheTtl());
	}

	@Test
	void migrateWritesThePlainFormByDefaultAndTheOnlineFormWithAFiveSecondLockTimeout() throws IOException {
		MigrationsProperties.Generate generate = this.properties.getGenerate();
		assertThat(generate.isOnline()).isFalse();
		assertThat(generate.getOnlineLockTimeout()).isEqualTo(OnlineForm.DEFAULT_LOCK_TIMEOUT)
			.isEqualTo(MigrateOptions.onlineForm().effectiveLockTimeout());
		assertThat(Migrations.configure().load().migrateOptions()).isEqualTo(MigrateOptions.plain());
		DocumentContext metadata = metadata();
		assertThat(DurationStyle.detectAndParse((String) defaultOf(metadata, "migrations.generate.online-lock-timeout")))
			.isEqualTo(OnlineForm.DEFAULT_LOCK_TIMEOUT);
		assertThat(defaultOf(metadata, "migrations.generate.online")).isEqualTo(false);
	}

	private static Object defaultOf(DocumentContext metadata, String name) {
		List<Object> values = metadata.read("$.properties[?(@.name == '" + name + "')].defaultValue");
		assertThat(values).as("default of %s", name).hasSize(1);
		return values.get(0);
	}

	private static DocumentContext metadata() throws IOException {
		try (InputStream in = MigrationsPropertiesTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			return JsonPath.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

}
