package dev.migrations.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.command.CommandResults;
import liquibase.command.CommandScope;
import liquibase.command.core.DiffCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ReferenceDbUrlConnectionCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseConnection;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffResult;
import liquibase.diff.Difference;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.ext.hibernate.database.HibernateDatabase;
import liquibase.ext.hibernate.database.connection.HibernateConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.structure.DatabaseObject;
import liquibase.ui.LoggerUIService;
import org.hibernate.boot.MetadataSources;

/**
 * Liquibase's {@code diff} command between JPA entities (the liquibase-hibernate7 extension) and a
 * database, run through Liquibase's Java API the way {@code liquibase diff
 * --reference-url=hibernate:...} runs it.
 * <p>
 * The entities of the benchmark are compiled at run time and loaded by their own class loader, which
 * none of the extension's URL forms can name, so the reference database is the extension's
 * {@link HibernateDatabase} given the classes: the extension builds Hibernate's metadata itself (its
 * service registry, the dialect and the naming strategies from the URL's settings, the same as the
 * other tools use), snapshots it and Liquibase diffs the two snapshots.
 */
final class LiquibaseDiff implements AutoCloseable {

	/** Liquibase logs through java.util.logging; held so the level set on it stays. */
	private static final Logger LIQUIBASE_LOGGER = Logger.getLogger("liquibase");

	static {
		LIQUIBASE_LOGGER.setLevel(Level.WARNING);
	}

	private static final String REFERENCE_URL = "hibernate:entities:bench.entities"
			+ "?hibernate.dialect=org.hibernate.dialect.PostgreSQLDialect"
			+ "&hibernate.physical_naming_strategy=dev.migrations.entity.SnakeCasePhysicalNamingStrategy"
			+ "&hibernate.implicit_naming_strategy=dev.migrations.entity.OwningTableImplicitNamingStrategy";

	private final List<Class<?>> classes;

	private final ClassLoader previousLoader;

	private final String scopeId;

	private final Connection connection;

	/** What one diff found, and the text report {@code liquibase diff} prints. */
	record Result(DiffResult diff, String report) {

		int count() {
			return this.diff.getMissingObjects().size() + this.diff.getUnexpectedObjects().size()
					+ this.diff.getChangedObjects().size();
		}

		/** The differences by kind, e.g. {@code 3 changed Column, 2 missing Index}. */
		String summary() {
			Map<String, Long> kinds = new TreeMap<>();
			for (DatabaseObject object : this.diff.getMissingObjects()) {
				kinds.merge("missing " + object.getObjectTypeName(), 1L, Long::sum);
			}
			for (DatabaseObject object : this.diff.getUnexpectedObjects()) {
				kinds.merge("unexpected " + object.getObjectTypeName(), 1L, Long::sum);
			}
			for (DatabaseObject object : this.diff.getChangedObjects().keySet()) {
				kinds.merge("changed " + object.getObjectTypeName(), 1L, Long::sum);
			}
			return kinds.entrySet().stream().map((e) -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
		}

		/** Which fields the changed objects differ in, with a count each. */
		String changedFields() {
			Map<String, Long> fields = new TreeMap<>();
			for (Map.Entry<DatabaseObject, ObjectDifferences> entry : this.diff.getChangedObjects().entrySet()) {
				for (Difference difference : entry.getValue().getDifferences()) {
					fields.merge(entry.getKey().getObjectTypeName() + "." + difference.getField(), 1L, Long::sum);
				}
			}
			return fields.entrySet().stream().map((e) -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
		}

	}

	/**
	 * Opens a connection from {@code dataSource} and sets up Liquibase's scope and the thread's
	 * context class loader for the entities; {@link #close()} undoes both.
	 */
	static LiquibaseDiff open(List<Class<?>> classes, DataSource dataSource) throws Exception {
		return new LiquibaseDiff(classes, dataSource);
	}

	private LiquibaseDiff(List<Class<?>> classes, DataSource dataSource) throws Exception {
		this.classes = classes;
		this.previousLoader = Thread.currentThread().getContextClassLoader();
		ClassLoader loader = classes.get(0).getClassLoader();
		// Hibernate and the extension resolve the entities and the naming strategies through it
		Thread.currentThread().setContextClassLoader(loader);
		Map<String, Object> scope = new LinkedHashMap<>();
		// the diff's text report goes to the command's output stream, its messages to the (quiet) log
		scope.put(Scope.Attr.ui.name(), new LoggerUIService());
		scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(loader));
		this.scopeId = Scope.enter(scope);
		try {
			this.connection = dataSource.getConnection();
		}
		catch (Exception ex) {
			Scope.exit(this.scopeId);
			Thread.currentThread().setContextClassLoader(this.previousLoader);
			throw ex;
		}
	}

	/**
	 * Runs the {@code diff} command with the entities as the reference and the database as the
	 * target.
	 */
	Result diff() throws Exception {
		Database target = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(this.connection));
		EntitiesDatabase reference = new EntitiesDatabase(this.classes);
		reference.setConnection(new JdbcConnection(new HibernateConnection(REFERENCE_URL,
				Scope.getCurrentScope().getResourceAccessor())));
		ByteArrayOutputStream report = new ByteArrayOutputStream();
		CommandResults results = new CommandScope(DiffCommandStep.COMMAND_NAME)
			.addArgumentValue(ReferenceDbUrlConnectionCommandStep.REFERENCE_DATABASE_ARG, reference)
			.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, target)
			.setOutput(report)
			.execute();
		return new Result(results.getResult(DiffCommandStep.DIFF_RESULT), report.toString(StandardCharsets.UTF_8));
	}

	/**
	 * The changes {@code diff-changelog} would write for a diff's result (its change generators,
	 * the extension's among them, drop some of the differences), counted by change type, e.g.
	 * {@code 10 addColumn, 10 createIndex}.
	 */
	String changeLog(Result result) {
		List<ChangeSet> changeSets = new DiffToChangeLog(result.diff(), new DiffOutputControl(false, false, false,
				result.diff().getCompareControl().getSchemaComparisons())).generateChangeSets();
		Map<String, Long> changes = new TreeMap<>();
		for (ChangeSet changeSet : changeSets) {
			for (Change change : changeSet.getChanges()) {
				changes.merge(change.getSerializedObjectName(), 1L, Long::sum);
			}
		}
		long count = changes.values().stream().mapToLong(Long::longValue).sum();
		if (count == 0) {
			return "no changes";
		}
		return count + " changes: " + changes.entrySet().stream().map((e) -> e.getValue() + " " + e.getKey())
			.collect(Collectors.joining(", "));
	}

	@Override
	public void close() throws Exception {
		try {
			this.connection.close();
		}
		finally {
			try {
				Scope.exit(this.scopeId);
			}
			finally {
				Thread.currentThread().setContextClassLoader(this.previousLoader);
			}
		}
	}

	/**
	 * The extension's Hibernate database for a list of classes: its own metadata build (dialect and
	 * naming strategies from the URL), with the classes as the sources.
	 */
	static final class EntitiesDatabase extends HibernateDatabase {

		private final List<Class<?>> classes;

		EntitiesDatabase(List<Class<?>> classes) {
			this.classes = classes;
		}

		@Override
		protected void configureSources(MetadataSources sources) {
			this.classes.forEach(sources::addAnnotatedClass);
		}

		@Override
		public boolean isCorrectDatabaseImplementation(DatabaseConnection connection) {
			return false;
		}

		@Override
		public String getShortName() {
			return "hibernateEntities";
		}

		@Override
		protected String getDefaultDatabaseProductName() {
			return "Hibernate entities";
		}

	}

}
