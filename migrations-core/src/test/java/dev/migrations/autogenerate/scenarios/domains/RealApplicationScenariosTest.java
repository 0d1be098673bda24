package dev.migrations.autogenerate.scenarios.domains;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.Migrations;
import dev.migrations.Sql;
import dev.migrations.autogenerate.ScenarioRunner;
import dev.migrations.entity.EntityMetadataReader;
import dev.migrations.entity.EntitySource;
import dev.migrations.entity.HibernateSchemaCreation;
import dev.migrations.entity.PredictionAssertions;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entity models of real open-source applications, rebuilt with their annotations (their behaviour left
 * out), each taken the way a user adopting the tool takes it:
 * <ol>
 * <li>the schema the application's Hibernate creates ({@code ddl-auto=create}) shows no difference;</li>
 * <li>from an empty database {@code migrate} writes a revision that applies, after which {@code check} is
 * empty and the schema is Hibernate's own: the same columns, types, nullability, defaults, constraints,
 * indexes and sequences, only the names the tool gives constraints and indexes differ;</li>
 * <li>{@code downgrade base} leaves none of it;</li>
 * <li>{@code create-db} on the emptied database makes Hibernate's schema again, after which {@code check} is
 * empty and {@code migrate} writes nothing.</li>
 * </ol>
 * Where Hibernate's own schema validation ({@code ddl-auto=validate}) passes on the schema it created, it passes
 * on the schemas of the revision and of {@code create-db} too.
 * Runs with Hibernate Validator on the class path and without it (the {@code without-bean-validation}
 * execution), as the constraints change Hibernate's DDL.
 */
@ExtendWith(TestDatabaseExtension.class)
class RealApplicationScenariosTest {

	@TempDir
	Path directory;

	/**
	 * Eclipse Cargo Tracker (the Jakarta EE reference application): embeddables nesting embeddables,
	 * one-to-many join columns declared inside embeddables, {@code @NotNull} on primitives, on
	 * many-to-ones, on an embedded value and on a collection, {@code @Pattern}, {@code @Size(min)}, a
	 * column named in camel case, one sequence per entity. As Jakarta EE runs it, the names as written.
	 */
	@Test
	void cargoTracker(TestDatabase db) {
		assertRealModel(db, cargoTracker().withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class));
	}

	/** Cargo Tracker's model in a Spring Boot application, with its naming strategies. */
	@Test
	void cargoTrackerWithSpringNaming(TestDatabase db) {
		assertRealModel(db, cargoTracker());
	}

	private static EntitySource cargoTracker() {
		return EntitySource.of(classes("cargo", "Cargo", "Leg", "HandlingEvent", "Location", "Voyage", "CarrierMovement"));
	}

	/**
	 * Keycloak's clients and client scopes (org.keycloak.models.jpa.entities): upper-case names in the
	 * annotations, {@code @Nationalized}, {@code @Access(PROPERTY)} on the id, {@code @IdClass} keys holding a
	 * many-to-one, element collections of strings (sets) and maps keyed by a {@code @MapKeyColumn}, of
	 * strings and of integers, in tables named by {@code @CollectionTable}. With Keycloak's naming (the names as
	 * written, folded by the server).
	 */
	@Test
	void keycloakClients(TestDatabase db) {
		assertRealModel(db, keycloakClients().withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class));
	}

	@Test
	void keycloakClientsWithSpringNaming(TestDatabase db) {
		assertRealModel(db, keycloakClients());
	}

	private static EntitySource keycloakClients() {
		return EntitySource.of(classes("keycloak", "ClientEntity", "ClientAttributeEntity", "ProtocolMapperEntity",
				"ClientScopeEntity", "ClientScopeAttributeEntity"));
	}

	/**
	 * Shopizer's customers, stores and reference data (com.salesmanager.core.model): every id from a row
	 * of one {@code @TableGenerator} table, {@code Integer} and {@code Long} ids, Hibernate Validator's
	 * {@code @NotEmpty}, {@code @Email} and {@code @Pattern} (on nullable and non-nullable columns, on an
	 * embeddable marked {@code @Valid}, on a many-to-many), a {@code java.util.Currency} and a
	 * one-character enum column, {@code @Temporal} dates, a description superclass whose generator each
	 * subclass declares, a long text column. Shopizer runs with Spring Boot's naming.
	 */
	@Test
	void shopizerCustomers(TestDatabase db) {
		assertRealModel(db, EntitySource.of(classes("shopizer", "Customer", "CustomerAttribute", "CustomerOption",
				"CustomerOptionValue", "CustomerOptionDescription", "MerchantStore", "Language", "Country", "Zone",
				"Currency", "Group")));
	}

	/**
	 * HAPI FHIR's terminology tables (ca.uhn.fhir.jpa.entity, before partitioning): named sequences,
	 * foreign keys named by {@code @ForeignKey} and indexes sharing those names, named unique constraints,
	 * join columns the association only reads while a basic attribute of the same column writes them,
	 * one-to-ones, {@code @Lob} text and bytes, a {@code Length.LONG32} byte array, ordinal enums stored
	 * as integers, {@code @Version}. HAPI FHIR keeps Hibernate's standard naming.
	 */
	@Test
	void fhirTerminology(TestDatabase db) {
		assertRealModel(db, fhirTerminology().withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class));
	}

	@Test
	void fhirTerminologyWithSpringNaming(TestDatabase db) {
		assertRealModel(db, fhirTerminology());
	}

	private static EntitySource fhirTerminology() {
		return EntitySource.of(classes("fhir", "ResourceTable", "TermCodeSystem", "TermCodeSystemVersion", "TermConcept",
				"TermConceptProperty", "TermConceptDesignation", "TermConceptParentChildLink"));
	}

	/**
	 * Kogito's data index and jobs service (Apache KIE, on Quarkus, which keeps Hibernate's standard
	 * naming): camel-case column names, JSON trees through an {@code AttributeConverter} into columns
	 * declared {@code jsonb} or left to the converter's type, element collections whose foreign keys are
	 * named, {@code @OnDelete(CASCADE)}, zoned and offset date-times, columns named {@code enter} and
	 * {@code exit}, {@code columnDefinition = "TEXT"}.
	 */
	@Test
	void kogitoDataIndex(TestDatabase db) {
		assertRealModel(db, EntitySource.of(classes("kogito", "ProcessInstanceEntity", "NodeInstanceEntity", "JobDetailsEntity"))
			.withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class));
	}

	@Test
	void kogitoDataIndexWithSpringNaming(TestDatabase db) {
		assertRealModel(db, EntitySource.of(classes("kogito", "ProcessInstanceEntity", "NodeInstanceEntity", "JobDetailsEntity")));
	}

	/**
	 * JHipster's sample application (jhipster-sample-app, io.github.jhipster.sample.domain): identity ids,
	 * a string primary key joined from a many-to-many, a map of strings in a collection table whose columns
	 * are named {@code name} and {@code value}, {@code @Size} with minimums, {@code @Email} and
	 * {@code @Pattern}, decimals of a given precision, instants, zoned date-times, a local date, auditing
	 * columns from a mapped superclass. JHipster runs with Spring Boot's naming.
	 */
	@Test
	void jhipsterSampleApp(TestDatabase db) {
		assertRealModel(db, jhipsterSampleApp());
	}

	@Test
	void jhipsterSampleAppWithTheNamesAsWritten(TestDatabase db) {
		assertRealModel(db, jhipsterSampleApp().withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class));
	}

	private static EntitySource jhipsterSampleApp() {
		return EntitySource.of(classes("jhipster", "User", "Authority", "PersistentToken", "PersistentAuditEvent",
				"BankAccount", "Label", "Operation"));
	}

	/**
	 * NutriXplorer's accounts (konradkoza/nutrixplorer, pl.lodz.p.it.nutrixplorer.model.mok, a Spring Boot
	 * application): generated UUIDs declared {@code columnDefinition = "uuid"} with a {@code @Version} in a
	 * mapped superclass, a table and a secondary table in a schema named {@code PUBLIC}, two joined
	 * hierarchies with discriminator columns (one subclass without a column of its own), unique constraints
	 * naming columns in another case than the mapping, a named index, a one-to-one, a column of length
	 * {@code Integer.MAX_VALUE}.
	 */
	@Test
	void nutrixplorerAccounts(TestDatabase db) {
		assertRealModel(db, nutrixplorerAccounts());
	}

	@Test
	void nutrixplorerAccountsWithTheNamesAsWritten(TestDatabase db) {
		assertRealModel(db, nutrixplorerAccounts().withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class));
	}

	private static EntitySource nutrixplorerAccounts() {
		return EntitySource.of(classes("nutrixplorer", "User", "Administrator", "Client", "Seller", "Address",
				"AccountVerificationToken", "Product"));
	}

	/**
	 * Axon Framework's JPA tables, which an Axon application's Hibernate creates (AxonFramework/AxonFramework,
	 * 4.x, the event store, token store, saga store and dead-letter queue): payloads typed by a mapped
	 * superclass's type variable that the entity fixes to bytes, {@code @Lob} byte arrays with a length, one in
	 * an embeddable, {@code @IdClass} keys declared on a mapped superclass, unnamed indexes over attribute
	 * names (unique and not, with spaces in the list, two sharing a first column), columns named {@code index}
	 * and {@code sequence}, a generic entity class.
	 */
	@Test
	void axonFramework(TestDatabase db) {
		assertRealModel(db, axonFramework());
	}

	@Test
	void axonFrameworkWithTheNamesAsWritten(TestDatabase db) {
		assertRealModel(db, axonFramework().withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class));
	}

	private static EntitySource axonFramework() {
		return EntitySource.of(classes("axon", "DomainEventEntry", "SnapshotEventEntry", "TokenEntry", "SagaEntry",
				"AssociationValueEntry", "DeadLetterEntry"));
	}

	/**
	 * Spring Authorization Server's JPA guide (spring-projects/spring-authorization-server, the entities of
	 * docs/src/main/java/sample/jpa/entity): table names quoted with backticks, {@code authorization} and
	 * {@code client} among them, and {@code authorizationConsent} in camel case, which Hibernate's standard
	 * naming keeps quoted in mixed case; an {@code @IdClass} of two strings; strings of lengths up to 4000.
	 */
	@Test
	void authorizationServerGuide(TestDatabase db) {
		assertRealModel(db, authorizationServerGuide());
	}

	@Test
	void authorizationServerGuideWithTheNamesAsWritten(TestDatabase db) {
		assertRealModel(db, authorizationServerGuide().withPhysicalNamingStrategy(PhysicalNamingStrategyStandardImpl.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyJpaCompliantImpl.class));
	}

	private static EntitySource authorizationServerGuide() {
		return EntitySource.of(classes("authorizationserver", "Client", "Authorization", "AuthorizationConsent"));
	}

	/**
	 * The RealWorld "conduit" back end (see {@link DomainScenariosTest#conduit}), its second version,
	 * and a shop with every inheritance strategy, shared sequences, nested overridden embeddables,
	 * element collections, JSON and arrays (see {@link DomainScenariosTest#storefront}), its third.
	 */
	@Test
	void conduit(TestDatabase db) {
		assertRealModel(db, EntitySource.of(versioned("conduit", "v2", "User", "Article", "Comment", "Follow", "Tag", "Favorite")));
	}

	@Test
	void storefront(TestDatabase db) {
		assertRealModel(db, EntitySource.of(versioned("storefront", "v3", "Product", "Book", "DigitalProduct", "Payment",
				"CardPayment", "BankTransfer", "Notification", "EmailNotification", "SmsNotification", "CustomerOrder",
				"Coupon", "StockLevel")));
	}

	/**
	 * A realm model written as identity servers write theirs: element collections of enums (a set stored as
	 * strings, a list as ordinals with an index), a map keyed by an enum, a one-to-many list ordered in the
	 * child's table, a shared primary key ({@code @MapsId} on a one-to-one), an integer discriminator, a
	 * foreign key left out and one on delete cascade, a join to a unique non-key column, {@code @Check},
	 * {@code @Comment}, a unique constraint and an index over attribute names with directions, and Java
	 * types of every kind (locale, currency, zone, URL, intervals, offset times, fractional seconds, time
	 * zones in a column of their own, floats of a precision, characters, bytes, INET, arrays with a length,
	 * a converter to text, a timestamp version).
	 */
	@Test
	void identityRealm(TestDatabase db) {
		assertRealModel(db, EntitySource.of(versioned("realm", "v2", "RealmEntity", "ClientEntity", "ConfidentialClient",
				"PublicClient", "ClientProfile")));
	}

	// the version's class, else the class the versions share
	private static List<Class<?>> versioned(String domain, String version, String... names) {
		List<Class<?>> classes = new ArrayList<>();
		for (String name : names) {
			try {
				classes.add(Class.forName("dev.migrations.autogenerate.scenarios.domains." + domain + "." + version + "." + name));
			}
			catch (ClassNotFoundException ex) {
				classes.addAll(classes(domain, name));
			}
		}
		return classes;
	}

	/**
	 * Cargo Tracker's, Keycloak's and HAPI FHIR's models under settings applications set in their
	 * {@code spring.jpa.properties}: the sequence naming Hibernate 5 applications keep, no foreign keys, other
	 * JDBC types for durations, instants, booleans and UUIDs, nationalized strings, time zones in a column of
	 * their own, generator names global to the persistence unit.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "hibernate.id.db_structure_naming_strategy=legacy", "hibernate.id.db_structure_naming_strategy=single",
			"hibernate.hbm2ddl.default_constraint_mode=NO_CONSTRAINT", "hibernate.type.preferred_duration_jdbc_type=INTERVAL_SECOND",
			"hibernate.type.preferred_instant_jdbc_type=TIMESTAMP", "hibernate.type.preferred_boolean_jdbc_type=INTEGER",
			"hibernate.use_nationalized_character_data=true", "hibernate.type.preferred_uuid_jdbc_type=CHAR",
			"hibernate.timezone.default_storage=COLUMN", "hibernate.jpa.compliance.global_id_generators=true" })
	void realModelsUnderApplicationSettings(String setting, TestDatabase db) {
		String key = setting.substring(0, setting.indexOf('='));
		String value = setting.substring(setting.indexOf('=') + 1);
		assertRealModel(db, cargoTracker().withSetting(key, value));
		emptyDatabase(db.dataSource());
		assertRealModel(db, keycloakClients().withSetting(key, value));
		emptyDatabase(db.dataSource());
		assertRealModel(db, fhirTerminology().withSetting(key, value));
	}

	private void assertRealModel(TestDatabase db, EntitySource source) {
		DataSource dataSource = db.dataSource();
		try (Connection connection = db.connection()) {
			PredictionAssertions.assertPredictionsMatchTheServer(connection,
					new EntityMetadataReader().read(source));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}

		HibernateSchemaCreation.create(dataSource, source);
		assertThat(migrations(dataSource, source, directory("hibernate-" + System.nanoTime())).check())
			.as("check against the schema Hibernate created").isEmpty();
		List<String> hibernates = shape(dataSource);
		// ddl-auto=validate is held against the tool's schemas wherever it passes on Hibernate's own
		boolean validates = validates(dataSource, source);
		emptyDatabase(dataSource);

		Path revisions = directory("revisions-" + System.nanoTime());
		Migrations migrations = migrations(dataSource, source, revisions);
		assertThat(migrations.migrate("initial").written()).isTrue();
		String revision = read(revisions);
		migrations.upgrade("head");
		assertThat(migrations.check()).as("check after upgrading; revision:%n%s", revision).isEmpty();
		assertThat(migrations.migrate("no change").written()).isFalse();
		assertThat(shape(dataSource)).as("the schema of the revision against Hibernate's; revision:%n%s", revision)
			.containsExactlyElementsOf(hibernates);
		if (validates) {
			HibernateSchemaCreation.validate(dataSource, source);
		}

		migrations.downgrade("base");
		assertThat(shape(dataSource)).as("after downgrade base").isEmpty();

		// a fresh install: create-db makes the same schema, stamped at the head
		migrations.createDb();
		assertThat(migrations.check()).as("check after create-db").isEmpty();
		assertThat(migrations.migrate("no change after create-db").written()).isFalse();
		assertThat(shape(dataSource)).as("the schema of create-db against Hibernate's").containsExactlyElementsOf(hibernates);
		if (validates) {
			HibernateSchemaCreation.validate(dataSource, source);
		}
	}

	private static boolean validates(DataSource dataSource, EntitySource source) {
		try {
			HibernateSchemaCreation.validate(dataSource, source);
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private Migrations migrations(DataSource dataSource, EntitySource source, Path revisions) {
		return Migrations.configure().dataSource(dataSource).locations("filesystem:" + revisions)
			.outputDirectory(revisions).entities(source).load();
	}

	/**
	 * The shape of the public schema but the tool's own tables: columns with their types, nullability and
	 * defaults, constraints and indexes by definition (without their names), sequences, enum types.
	 */
	private static List<String> shape(DataSource dataSource) {
		String ours = "not in ('migrations_version', 'migrations_version_log')";
		List<String> lines = new ArrayList<>();
		lines.addAll(Sql.column(dataSource, "select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
				+ " || case when a.attnotnull then ' NOT NULL' else '' end"
				+ " || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')"
				+ " || case when a.attidentity <> '' then ' IDENTITY ' || a.attidentity::text else '' end"
				+ " from pg_attribute a join pg_class c on c.oid = a.attrelid"
				+ " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
				+ " where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and a.attnum > 0"
				+ " and not a.attisdropped and c.relname " + ours + " order by 1"));
		// a check is compared by its conditions: the server prints Hibernate's "status in ('A', 'B')" as
		// "ANY ((ARRAY['A'::character varying, ...])::text[])", and that text, which a revision runs, again otherwise
		lines.addAll(Sql.column(dataSource, "select conrelid::regclass || ' ' || pg_get_constraintdef(oid) from pg_constraint"
				+ " where connamespace = 'public'::regnamespace and contype <> 'n' and conrelid::regclass::text " + ours
				+ " order by 1")
			.stream()
			.map((line) -> line.contains(" CHECK ")
					? line.replaceAll("::(character varying|text)(\\[\\])?|[()]", "") : line)
			.sorted()
			.toList());
		lines.addAll(Sql.column(dataSource, "select regexp_replace(indexdef, 'INDEX \\S+ ON', 'INDEX ON') from pg_indexes"
				+ " where schemaname = 'public' and tablename " + ours + " order by 1"));
		lines.addAll(Sql.column(dataSource, "select sequencename || ' start ' || start_value || ' by ' || increment_by"
				+ " || ' ' || data_type::text from pg_sequences where schemaname = 'public' and sequencename not like 'migrations\\_%' order by 1"));
		lines.addAll(Sql.column(dataSource, "select t.typname || ':' || string_agg(e.enumlabel, ',' order by e.enumsortorder)"
				+ " from pg_type t join pg_enum e on e.enumtypid = t.oid where t.typnamespace = 'public'::regnamespace"
				+ " group by t.typname order by 1"));
		return lines;
	}

	private static void emptyDatabase(DataSource dataSource) {
		ScenarioRunner.execute(dataSource, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
	}

	private Path directory(String name) {
		try {
			return Files.createDirectories(this.directory.resolve(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path revisions) {
		try (var files = Files.list(revisions)) {
			return files.sorted().map(ScenarioRunner::read).reduce("", String::concat);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Class<?>> classes(String domain, String... names) {
		List<Class<?>> classes = new ArrayList<>();
		for (String name : names) {
			try {
				classes.add(Class.forName("dev.migrations.autogenerate.scenarios.domains." + domain + "." + name));
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalArgumentException(ex);
			}
		}
		return classes;
	}

}
