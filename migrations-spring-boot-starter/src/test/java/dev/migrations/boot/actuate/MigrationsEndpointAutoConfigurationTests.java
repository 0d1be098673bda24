package dev.migrations.boot.actuate;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.migrations.Migrations;
import dev.migrations.RevisionInfo;
import dev.migrations.boot.MigrationsAutoConfiguration;
import dev.migrations.boot.actuate.MigrationsEndpoint.MigrationsDescriptor;
import dev.migrations.boot.drift.DriftStatus;
import dev.migrations.boot.drift.MigrationsDriftAutoConfiguration;
import dev.migrations.boot.drift.MigrationsDriftMonitor;
import dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsEndpointAutoConfigurationTests {

	private TestDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabases.postgres();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, DataSourceAutoConfiguration.class,
					MigrationsAutoConfiguration.class, MigrationsDriftAutoConfiguration.class,
					MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
					"spring.datasource.username=" + this.database.username(),
					"spring.datasource.password=" + ((this.database.password() != null) ? this.database.password() : ""),
					"migrations.locations=classpath:db/library");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void isRegisteredWithTheOtherActuatorAutoConfigurations() {
		assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates()).contains(
				MigrationsEndpointAutoConfiguration.class.getName(),
				MigrationsHealthContributorAutoConfiguration.class.getName(),
				MigrationsMetricsAutoConfiguration.class.getName(), MigrationsDriftAutoConfiguration.class.getName(),
				"dev.migrations.boot.jpa.MigrationsEntitiesAutoConfiguration");
	}

	@Test
	void exposedEndpointDescribesTheDatabase() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations").run((context) -> {
			assertThat(context).hasSingleBean(MigrationsEndpoint.class);
			MigrationsDescriptor descriptor = context.getBean(MigrationsEndpoint.class).migrations();
			assertThat(descriptor.current()).containsExactly("5a1e00000002");
			assertThat(descriptor.heads()).containsExactly("5a1e00000002");
			assertThat(descriptor.upToDate()).isTrue();
			assertThat(descriptor.pending()).isEmpty();
			assertThat(descriptor.revisions()).extracting((r) -> r.revision() + " " + r.state())
				.containsExactly("5a1e00000002 APPLIED", "5a1e00000001 APPLIED");
			// no JPA here: drift cannot be known, and says why
			assertThat(descriptor.drift().status()).isEqualTo(DriftStatus.UNKNOWN);
			assertThat(descriptor.drift().reason()).contains("No JPA entities");
		});
	}

	@Test
	void theWebExtensionServesTheResponseAsJson() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations").run((context) -> {
			assertThat(context).hasSingleBean(MigrationsEndpointWebExtension.class);
			byte[] json = (byte[]) context.getBean(MigrationsEndpointWebExtension.class).migrations().getBody();
			assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"current\":[\"5a1e00000002\"]");
		});
	}

	@Test
	void theWebExtensionBacksOffWithoutJackson() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JsonMapper.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(MigrationsEndpoint.class)
				.doesNotHaveBean(MigrationsEndpointWebExtension.class));
	}

	@Test
	void pendingRevisionsAreListed() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.target=5a1e00000001")
			.run((context) -> {
				MigrationsDescriptor descriptor = context.getBean(MigrationsEndpoint.class).migrations();
				assertThat(descriptor.upToDate()).isFalse();
				assertThat(descriptor.pending()).containsExactly("5a1e00000002");
				assertThat(descriptor.revisions().get(0).state()).isEqualTo(RevisionInfo.State.PENDING);
				assertThat(descriptor.revisions().get(0).appliedAt()).isNull();
			});
	}

	@Test
	void anUpgradeByThisApplicationShowsAtOnce() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.target=5a1e00000001",
					"migrations.actuator.status-cache-ttl=1h")
			.run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				assertThat(endpoint.migrations().pending()).containsExactly("5a1e00000002");
				context.getBean(Migrations.class).upgrade("head");
				MigrationsDescriptor descriptor = endpoint.migrations();
				assertThat(descriptor.upToDate()).isTrue();
				assertThat(descriptor.current()).containsExactly("5a1e00000002");
			});
	}

	@Test
	void anotherInstancesUpgradeShowsOnlyOnceTheTimeToLiveHasPassed() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.target=5a1e00000001",
					"migrations.actuator.status-cache-ttl=1h")
			.run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				assertThat(endpoint.migrations().pending()).containsExactly("5a1e00000002");
				anotherInstance().upgrade("head");
				assertThat(endpoint.migrations().pending()).containsExactly("5a1e00000002");
			});
	}

	@Test
	void aZeroTimeToLiveReadsOnEveryRequest() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.target=5a1e00000001",
					"migrations.actuator.status-cache-ttl=0")
			.run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				assertThat(endpoint.migrations().pending()).containsExactly("5a1e00000002");
				anotherInstance().upgrade("head");
				assertThat(endpoint.migrations().upToDate()).isTrue();
			});
	}

	@Test
	void aDriftCheckShowsAtOnceWhileTheStatusIsReused() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MigrationsEntitiesAutoConfiguration.class))
			.withBean(PersistenceManagedTypes.class,
					() -> PersistenceManagedTypes.of("dev.migrations.boot.entities.drifted.LibraryMember",
							"dev.migrations.boot.entities.drifted.Loan"))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"migrations.actuator.status-cache-ttl=1h")
			.run((context) -> {
				MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
				assertThat(endpoint.migrations().drift().status()).isEqualTo(DriftStatus.UNKNOWN);
				context.getBean(MigrationsDriftMonitor.class).check();
				MigrationsDescriptor descriptor = endpoint.migrations();
				assertThat(descriptor.drift().status()).isEqualTo(DriftStatus.DETECTED);
				assertThat(descriptor.drift().differences()).extracting(MigrationsEndpoint.DifferenceDescriptor::object)
					.containsExactly("library_member.nickname");
			});
	}

	@Test
	void sharesOneStatusCacheWithTheHealthIndicator() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(MigrationsHealthContributorAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationsStatusCache.class)
					.hasSingleBean(MigrationsEndpoint.class)
					.hasSingleBean(MigrationsHealthIndicator.class);
			});
	}

	@Test
	void driftDisabledIsReportedAsUnknownWithTheReason() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.drift.enabled=false")
			.run((context) -> {
				MigrationsDescriptor descriptor = context.getBean(MigrationsEndpoint.class).migrations();
				assertThat(descriptor.drift().status()).isEqualTo(DriftStatus.UNKNOWN);
				assertThat(descriptor.drift().reason()).isEqualTo(MigrationsEndpoint.DRIFT_DISABLED);
			});
	}

	@Test
	void aNegativeNumberOfRevisionsListedIsToldByThePropertyAndValue() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"migrations.actuator.revisions-listed=-1")
			.run((context) -> {
				assertThat(context).hasFailed();
				// bound as any bad value is: Spring Boot's failure analysis names the property, the value and why
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessage("the number of revisions listed is 0 or more, not negative");
				BindException binding = findCause(context.getStartupFailure(), BindException.class);
				assertThat(binding).isNotNull();
				assertThat(binding.getProperty().getName()).hasToString("migrations.actuator.revisions-listed");
				assertThat(binding.getProperty().getValue()).hasToString("-1");
			});
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	@Test
	void backsOffWhenNotExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWhenAccessIsNone() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=migrations",
					"management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWhenActuatorIsMissing() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWhenMigrationsIsDisabled() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=migrations", "migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void offersNothingThatWrites() {
		List<Method> operations = Stream.of(MigrationsEndpoint.class, MigrationsEndpointWebExtension.class)
			.flatMap((type) -> Arrays.stream(type.getMethods()).filter((method) -> method.getDeclaringClass() == type))
			.toList();
		assertThat(operations).isNotEmpty().allSatisfy((method) -> {
			assertThat(annotationTypes(method)).doesNotContain(WriteOperation.class, DeleteOperation.class);
			assertThat(method.isAnnotationPresent(ReadOperation.class)).as("%s is a read operation", method).isTrue();
		});
	}

	/** Another process's instance on the same database: this application's bean is not told of its changes. */
	private Migrations anotherInstance() {
		return Migrations.configure().dataSource(this.database.dataSource()).locations("classpath:db/library").load();
	}

	private static List<Class<? extends Annotation>> annotationTypes(Method method) {
		return Arrays.stream(method.getAnnotations()).<Class<? extends Annotation>>map(Annotation::annotationType).toList();
	}

}
