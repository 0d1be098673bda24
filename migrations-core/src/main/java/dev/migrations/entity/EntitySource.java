package dev.migrations.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.boot.model.naming.ImplicitNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.dialect.Dialect;

/**
 * What to read entities from, and how the application's Hibernate is configured, so that the
 * metadata built here names and types everything exactly as the application does.
 * <p>
 * Start from {@link #of(Class...)} or {@link #ofClassNames(Collection, ClassLoader)} and refine
 * with the {@code with...} methods. Settings not given explicitly fall back to the same Hibernate
 * keys in {@link #settings()} ({@code hibernate.dialect}, {@code hibernate.physical_naming_strategy},
 * {@code hibernate.implicit_naming_strategy}, {@code hibernate.default_schema}), then to the
 * defaults of a Spring Boot application on PostgreSQL: {@code PostgreSQLDialect},
 * {@link SnakeCasePhysicalNamingStrategy} and {@link OwningTableImplicitNamingStrategy}.
 *
 * @param classes entity, embeddable, mapped-superclass and converter classes
 * @param classNames more such classes by name, loaded through {@code classLoader}
 * @param packageNames packages whose {@code package-info} carries mapping annotations (generators,
 * filters)
 * @param mappingResources XML mapping files on the class path ({@code META-INF/orm.xml}, Hibernate's
 * {@code hbm.xml}), read after the annotations as the application's EntityManagerFactory reads them
 * @param classLoader the class loader that sees the application's classes; {@code null} for the
 * loader of the first class, else the thread's context class loader
 * @param dialect a {@link Dialect} instance, its {@link Class} or class name; {@code null} for the
 * settings' {@code hibernate.dialect}, else the dialect Hibernate picks for the settings'
 * {@code jakarta.persistence.database-product-name} (default {@code PostgreSQL}) and
 * {@code jakarta.persistence.database-major-version} / {@code -minor-version} (default: the oldest
 * version Hibernate supports), which is how to tell Hibernate the live server's version
 * @param physicalNamingStrategy a {@link PhysicalNamingStrategy} instance, class or class name;
 * {@code null} for the settings' value, else {@link SnakeCasePhysicalNamingStrategy}
 * @param implicitNamingStrategy an {@link ImplicitNamingStrategy} instance, class or class name;
 * {@code null} for the settings' value, else {@link OwningTableImplicitNamingStrategy}
 * @param defaultSchema the schema unqualified tables belong to ({@code hibernate.default_schema});
 * {@code null} for the settings' value, else the connection's current schema
 * @param settings further Hibernate settings, as the application passes them to its
 * EntityManagerFactory (e.g. {@code hibernate.type.preferred_uuid_jdbc_type},
 * {@code hibernate.auto_quote_keyword}, {@code jakarta.persistence.database-major-version}, and
 * {@link EntityMetadataReader#SQL_KEYWORDS} with the driver's keywords, which a connection would give
 * Hibernate); entries
 * with {@code null} values are dropped
 */
public record EntitySource(List<Class<?>> classes, List<String> classNames, List<String> packageNames,
		List<String> mappingResources, ClassLoader classLoader, Object dialect, Object physicalNamingStrategy,
		Object implicitNamingStrategy, String defaultSchema, Map<String, Object> settings) {

	public EntitySource {
		classes = List.copyOf(classes);
		classNames = List.copyOf(classNames);
		packageNames = List.copyOf(packageNames);
		mappingResources = List.copyOf(mappingResources);
		Map<String, Object> copy = new LinkedHashMap<>();
		settings.forEach((key, value) -> {
			if (value != null) {
				copy.put(key, value);
			}
		});
		settings = Collections.unmodifiableMap(copy);
		requireKind("dialect", dialect, Dialect.class);
		requireKind("physicalNamingStrategy", physicalNamingStrategy, PhysicalNamingStrategy.class);
		requireKind("implicitNamingStrategy", implicitNamingStrategy, ImplicitNamingStrategy.class);
	}

	/**
	 * Entities given as classes.
	 * @param classes entity, embeddable and converter classes
	 * @return a source with the default dialect, naming and settings
	 */
	public static EntitySource of(Class<?>... classes) {
		return of(Arrays.asList(classes));
	}

	/**
	 * Entities given as classes.
	 * @param classes entity, embeddable and converter classes
	 * @return a source with the default dialect, naming and settings
	 */
	public static EntitySource of(Collection<? extends Class<?>> classes) {
		return new EntitySource(List.copyOf(classes), List.of(), List.of(), List.of(), null, null, null, null, null,
				Map.of());
	}

	/**
	 * Entities given by name, as a scan of the application lists them.
	 * @param classNames fully qualified class names
	 * @param classLoader the loader that sees those classes
	 * @return a source with the default dialect, naming and settings
	 */
	public static EntitySource ofClassNames(Collection<String> classNames, ClassLoader classLoader) {
		return new EntitySource(List.of(), List.copyOf(classNames), List.of(), List.of(), classLoader, null, null, null,
				null, Map.of());
	}

	public EntitySource withClassNames(Collection<String> moreClassNames) {
		List<String> names = new ArrayList<>(this.classNames);
		names.addAll(moreClassNames);
		return new EntitySource(this.classes, names, this.packageNames, this.mappingResources, this.classLoader,
				this.dialect, this.physicalNamingStrategy, this.implicitNamingStrategy, this.defaultSchema,
				this.settings);
	}

	public EntitySource withPackages(Collection<String> packages) {
		List<String> names = new ArrayList<>(this.packageNames);
		names.addAll(packages);
		return new EntitySource(this.classes, this.classNames, names, this.mappingResources, this.classLoader,
				this.dialect, this.physicalNamingStrategy, this.implicitNamingStrategy, this.defaultSchema,
				this.settings);
	}

	/**
	 * @param resources XML mapping files on the class path ({@code META-INF/orm.xml}, or what
	 * {@code spring.jpa.mapping-resources} lists), in the order the application gives them
	 * @return a copy reading them too
	 */
	public EntitySource withMappingResources(Collection<String> resources) {
		List<String> names = new ArrayList<>(this.mappingResources);
		names.addAll(resources);
		return new EntitySource(this.classes, this.classNames, this.packageNames, names, this.classLoader, this.dialect,
				this.physicalNamingStrategy, this.implicitNamingStrategy, this.defaultSchema, this.settings);
	}

	public EntitySource withClassLoader(ClassLoader loader) {
		return new EntitySource(this.classes, this.classNames, this.packageNames, this.mappingResources, loader,
				this.dialect, this.physicalNamingStrategy, this.implicitNamingStrategy, this.defaultSchema,
				this.settings);
	}

	/**
	 * @param dialectToUse a {@link Dialect} instance, its class, or its class name
	 * @return a copy using that dialect
	 */
	public EntitySource withDialect(Object dialectToUse) {
		return new EntitySource(this.classes, this.classNames, this.packageNames, this.mappingResources,
				this.classLoader, dialectToUse, this.physicalNamingStrategy, this.implicitNamingStrategy,
				this.defaultSchema, this.settings);
	}

	/**
	 * @param strategy a {@link PhysicalNamingStrategy} instance, class or class name
	 * @return a copy using that strategy
	 */
	public EntitySource withPhysicalNamingStrategy(Object strategy) {
		return new EntitySource(this.classes, this.classNames, this.packageNames, this.mappingResources,
				this.classLoader, this.dialect, strategy, this.implicitNamingStrategy, this.defaultSchema,
				this.settings);
	}

	/**
	 * @param strategy an {@link ImplicitNamingStrategy} instance, class or class name
	 * @return a copy using that strategy
	 */
	public EntitySource withImplicitNamingStrategy(Object strategy) {
		return new EntitySource(this.classes, this.classNames, this.packageNames, this.mappingResources,
				this.classLoader, this.dialect, this.physicalNamingStrategy, strategy, this.defaultSchema,
				this.settings);
	}

	public EntitySource withDefaultSchema(String schema) {
		return new EntitySource(this.classes, this.classNames, this.packageNames, this.mappingResources,
				this.classLoader, this.dialect, this.physicalNamingStrategy, this.implicitNamingStrategy, schema,
				this.settings);
	}

	/**
	 * @param moreSettings Hibernate settings to add; they replace settings of the same key
	 * @return a copy with the settings merged
	 */
	public EntitySource withSettings(Map<String, ?> moreSettings) {
		Map<String, Object> merged = new LinkedHashMap<>(this.settings);
		merged.putAll(moreSettings);
		return new EntitySource(this.classes, this.classNames, this.packageNames, this.mappingResources,
				this.classLoader, this.dialect, this.physicalNamingStrategy, this.implicitNamingStrategy,
				this.defaultSchema, merged);
	}

	public EntitySource withSetting(String key, Object value) {
		Map<String, Object> merged = new LinkedHashMap<>(this.settings);
		merged.put(key, value);
		return new EntitySource(this.classes, this.classNames, this.packageNames, this.mappingResources,
				this.classLoader, this.dialect, this.physicalNamingStrategy, this.implicitNamingStrategy,
				this.defaultSchema, merged);
	}

	private static void requireKind(String what, Object value, Class<?> kind) {
		if (value == null || value instanceof String || kind.isInstance(value)) {
			return;
		}
		if (value instanceof Class<?> type && kind.isAssignableFrom(type)) {
			return;
		}
		throw new EntityMetadataException(what + " must be a " + kind.getName()
				+ " instance, a class implementing it, or a class name; got " + value.getClass().getName());
	}

}
