package dev.migrations.boot.shell;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrations.boot.jpa.AutoConfiguredEntityPackages;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.ClassMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * Tells, from the application's class files alone (read, not loaded), whether a {@code db} command may
 * run without the application context: whether the application declares a bean that the command's
 * {@code Migrations} would take from the context. Those are a {@code DataSource}, connection details, the
 * starter's extension points (customizers, callbacks, listeners, Java revisions, entities, a
 * {@code Migrations} of its own) and, for the commands that compare the entities with the database,
 * what changes Hibernate's mapping (naming strategies, {@code HibernatePropertiesCustomizer}s, converters
 * that are beans, the persistence unit).
 * <p>
 * It reads what Spring would register: the application's primary sources, the classes its component
 * scan finds (the {@code @ComponentScan} / {@code scanBasePackages} packages, else the sources'
 * packages), the classes they {@code @Import}, and the auto-configurations that are neither Spring's nor
 * this starter's; and the context initializers it adds. A component whose type is one of those, a {@code @Bean} method returning one, a
 * {@code @ServiceConnection} bean, or an import that registers beans in code (an {@code ImportSelector},
 * registrar or {@code BeanRegistrar} of the application's) is a reason to start the context. It errs on the side of the
 * context: a bean that is only declared under a condition or a profile that is off still counts. It
 * also collects the {@code @EntityScan} packages, which tell where the entities are.
 */
final class ApplicationBeanScan {

	private static final String COMPONENT = "org.springframework.stereotype.Component";

	private static final String BEAN = "org.springframework.context.annotation.Bean";

	private static final String IMPORT = "org.springframework.context.annotation.Import";

	private static final String COMPONENT_SCAN = "org.springframework.context.annotation.ComponentScan";

	private static final String ENTITY_SCAN = "org.springframework.boot.persistence.autoconfigure.EntityScan";

	private static final String AUTO_CONFIGURATION_PACKAGE = "org.springframework.boot.autoconfigure.AutoConfigurationPackage";

	private static final String SERVICE_CONNECTION = "org.springframework.boot.testcontainers.service.connection.ServiceConnection";

	/**
	 * What registers beans in code, which cannot be told without running it; Spring Framework 7's
	 * {@code BeanRegistrar} is also what Kotlin's {@code BeanRegistrarDsl} implements.
	 */
	private static final Set<String> REGISTRARS = Set.of("org.springframework.context.annotation.ImportSelector",
			"org.springframework.context.annotation.ImportBeanDefinitionRegistrar",
			"org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor",
			"org.springframework.beans.factory.BeanRegistrar");

	/**
	 * What Kotlin's {@code beans { }} gives {@code addInitializers}: an initializer of Spring's own, which
	 * registers the application's beans.
	 */
	private static final String KOTLIN_BEANS_DSL = "org.springframework.context.support.BeanDefinitionDsl";

	/** The types of beans that the {@code Migrations} of every command takes from the context. */
	private static final Set<String> MIGRATIONS_BEANS = Set.of("javax.sql.DataSource", "dev.migrations.Migrations",
			"dev.migrations.MigrationsCallback", "dev.migrations.runner.MigrationsListener",
			"dev.migrations.revision.JavaRevision", "dev.migrations.entity.EntitySource",
			"dev.migrations.boot.MigrationsConfigurationCustomizer", "dev.migrations.boot.MigrationsConnectionDetails",
			"org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceProperties");

	/** The types of beans that change the entities' mapping, for the commands that compare them. */
	private static final Set<String> ENTITY_BEANS = Set.of("org.hibernate.boot.model.naming.PhysicalNamingStrategy",
			"org.hibernate.boot.model.naming.ImplicitNamingStrategy",
			"org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer",
			"org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryBuilderCustomizer",
			"org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes",
			"org.springframework.orm.jpa.persistenceunit.ManagedClassNameFilter",
			"org.springframework.orm.jpa.AbstractEntityManagerFactoryBean", "jakarta.persistence.EntityManagerFactory",
			"jakarta.persistence.AttributeConverter");

	/** The packages of this starter's auto-configurations, which configure the commands' {@code Migrations} themselves. */
	private static final Set<String> STARTER_PACKAGES = Set.of("dev.migrations.boot", "dev.migrations.boot.jpa",
			"dev.migrations.boot.drift", "dev.migrations.boot.actuate", "dev.migrations.boot.shell");

	private final MetadataReaderFactory readers;

	private final ResourcePatternResolver resources;

	private final ClassLoader classLoader;

	private final Set<String> beanTypes;

	private final Map<String, String> assignable = new HashMap<>();

	private final Set<String> inspected = new HashSet<>();

	private final Set<String> scannedPackages = new LinkedHashSet<>();

	private final Deque<String> packagesToScan = new ArrayDeque<>();

	private final Set<String> entityPackages = new LinkedHashSet<>();

	private final Set<String> autoConfigurationPackages = new LinkedHashSet<>();

	private String reason;

	private ApplicationBeanScan(ClassLoader classLoader, boolean entities) {
		this.classLoader = classLoader;
		this.readers = new CachingMetadataReaderFactory(classLoader);
		this.resources = new PathMatchingResourcePatternResolver(classLoader);
		this.beanTypes = new HashSet<>(MIGRATIONS_BEANS);
		if (entities) {
			this.beanTypes.addAll(ENTITY_BEANS);
		}
	}

	/**
	 * Reads the application's classes.
	 * @param application the application being started
	 * @param entities whether the command compares the entities with the database
	 * @return why the command needs the context ({@code null} if it does not), and where the entities are
	 */
	static Result scan(SpringApplication application, boolean entities) {
		return scan(application, entities, null);
	}

	/**
	 * Reads the application's classes, and the auto-configurations that add entity packages.
	 * @param application the application being started
	 * @param entities whether the command compares the entities with the database
	 * @param environment the application's environment, for the conditions of the auto-configurations that
	 * add entity packages ({@link AutoConfiguredEntityPackages}); {@code null} to leave those out
	 * @return why the command needs the context ({@code null} if it does not), and where the entities are
	 */
	static Result scan(SpringApplication application, boolean entities, Environment environment) {
		ClassLoader classLoader = (application.getClassLoader() != null) ? application.getClassLoader()
				: ClassUtils.getDefaultClassLoader();
		ApplicationBeanScan scan = new ApplicationBeanScan(classLoader, entities);
		for (Object initializer : application.getInitializers()) {
			String type = initializer.getClass().getName();
			if (type.equals(KOTLIN_BEANS_DSL)) {
				scan.because("it has the context initializer " + type + " (Kotlin's beans { } DSL), which may register beans");
			}
			else if (!isSpringOrOurs(type)) {
				scan.because("it has the context initializer " + type + ", which may register beans");
			}
		}
		try {
			if (scan.reason == null) {
				scan.run(application.getAllSources());
			}
		}
		catch (IOException | RuntimeException ex) {
			scan.because("its classes could not all be read (" + ex.getMessage() + ")");
		}
		if (entities && environment != null && scan.reason == null && scan.entityPackages.isEmpty()) {
			AutoConfiguredEntityPackages.Found found = AutoConfiguredEntityPackages.find(classLoader, environment, null);
			if (found.undecided() != null) {
				scan.because("the auto-configuration " + found.undecided()
						+ " adds entity packages under a condition only the application context can tell");
			}
			scan.autoConfigurationPackages.addAll(found.packages());
		}
		List<String> packages = new ArrayList<>(
				scan.entityPackages.isEmpty() ? scan.autoConfigurationPackages : scan.entityPackages);
		return new Result(scan.reason, packages);
	}

	private void run(Set<Object> sources) throws IOException {
		if (sources.isEmpty()) {
			because("it has no primary source");
			return;
		}
		for (Object source : sources) {
			if (!(source instanceof Class<?> type)) {
				because("it is started from " + source + ", which is not a class");
				return;
			}
			AnnotationMetadata metadata = read(type.getName()).getAnnotationMetadata();
			if (metadata.isAnnotated(AUTO_CONFIGURATION_PACKAGE)) {
				this.autoConfigurationPackages.addAll(packages(metadata, AUTO_CONFIGURATION_PACKAGE,
						ClassUtils.getPackageName(type)));
			}
			inspect(metadata, true);
		}
		while (this.reason == null && !this.packagesToScan.isEmpty()) {
			scanPackage(this.packagesToScan.poll());
		}
		for (String autoConfiguration : ImportCandidates.load(AutoConfiguration.class, this.classLoader)) {
			if (this.reason != null) {
				return;
			}
			if (!isSpringOrOurs(autoConfiguration)) {
				inspectClass(autoConfiguration);
			}
		}
	}

	private void scanPackage(String packageName) throws IOException {
		for (String scanned : this.scannedPackages) {
			if (packageName.equals(scanned) || packageName.startsWith(scanned + ".")) {
				return;
			}
		}
		this.scannedPackages.add(packageName);
		String pattern = ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX
				+ ClassUtils.convertClassNameToResourcePath(packageName) + "/**/*.class";
		for (Resource resource : this.resources.getResources(pattern)) {
			if (this.reason != null) {
				return;
			}
			AnnotationMetadata metadata = this.readers.getMetadataReader(resource).getAnnotationMetadata();
			if (metadata.isAnnotated(COMPONENT) && this.inspected.add(metadata.getClassName())) {
				inspect(metadata, false);
			}
		}
	}

	private void inspectClass(String className) throws IOException {
		if (this.reason != null || !this.inspected.add(className)) {
			return;
		}
		MetadataReader reader = readOrNull(className);
		if (reader != null) {
			inspect(reader.getAnnotationMetadata(), false);
		}
	}

	/**
	 * Looks at a class Spring registers as a bean: its type, its {@code @Bean} methods, what it imports and
	 * scans, its nested configurations.
	 */
	private void inspect(AnnotationMetadata metadata, boolean source) throws IOException {
		String className = metadata.getClassName();
		this.inspected.add(className);
		String type = beanType(className);
		if (type != null) {
			because(className + " is a bean of type " + type);
			return;
		}
		if (!source && isRegistrar(className)) {
			because(className + " registers beans in code");
			return;
		}
		for (MethodMetadata method : metadata.getAnnotatedMethods(BEAN)) {
			if (method.isAnnotated(SERVICE_CONNECTION)) {
				because(className + "." + method.getMethodName() + "() declares a @ServiceConnection");
				return;
			}
			String returned = beanType(method.getReturnTypeName());
			if (returned != null) {
				because(className + "." + method.getMethodName() + "() declares a bean of type " + returned);
				return;
			}
		}
		if (metadata.isAnnotated(COMPONENT_SCAN)) {
			this.packagesToScan.addAll(packages(metadata, COMPONENT_SCAN, ClassUtils.getPackageName(className)));
		}
		if (metadata.isAnnotated(ENTITY_SCAN)) {
			this.entityPackages.addAll(packages(metadata, ENTITY_SCAN, ClassUtils.getPackageName(className)));
		}
		for (String importedClass : values(metadata, IMPORT, "value")) {
			if (!isSpringOrOurs(importedClass)) {
				inspectClass(importedClass);
			}
		}
		for (String member : metadata.getMemberClassNames()) {
			MetadataReader reader = readOrNull(member);
			if (reader != null && reader.getAnnotationMetadata().isAnnotated(COMPONENT)) {
				inspectClass(member);
			}
		}
	}

	/** The packages an annotation names ({@code basePackages}, {@code basePackageClasses}), else the class's own. */
	private static List<String> packages(AnnotationMetadata metadata, String annotation, String ownPackage) {
		Set<String> packages = new LinkedHashSet<>();
		for (String name : values(metadata, annotation, "basePackages")) {
			for (String split : name.split("[,;\\s]+")) {
				if (!split.isBlank()) {
					packages.add(split.trim());
				}
			}
		}
		for (String type : values(metadata, annotation, "basePackageClasses")) {
			packages.add(ClassUtils.getPackageName(type));
		}
		if (packages.isEmpty()) {
			packages.add(ownPackage);
		}
		return new ArrayList<>(packages);
	}

	/**
	 * The values of an attribute in every occurrence of an annotation, direct or on another annotation, with
	 * the values an annotation gives it through an alias ({@code scanBasePackages}), classes as their names.
	 */
	private static List<String> values(AnnotationMetadata metadata, String annotation, String attribute) {
		List<String> values = new ArrayList<>();
		metadata.getAnnotations().stream(annotation).forEach((found) -> {
			Object value = found.asAnnotationAttributes(MergedAnnotation.Adapt.CLASS_TO_STRING).get(attribute);
			if (value instanceof String[] strings) {
				values.addAll(List.of(strings));
			}
			else if (value instanceof String string) {
				values.add(string);
			}
		});
		return values;
	}

	/** Which of the bean types the class is, {@code null} if none (or the class cannot be read). */
	private String beanType(String className) {
		if (this.assignable.containsKey(className)) {
			return this.assignable.get(className);
		}
		String found = null;
		if (this.beanTypes.contains(className)) {
			found = className;
		}
		else if (!className.startsWith("java.") && !className.contains("[") && !isPrimitive(className)) {
			MetadataReader reader = readOrNull(className);
			if (reader != null) {
				ClassMetadata type = reader.getClassMetadata();
				if (type.getSuperClassName() != null) {
					found = beanType(type.getSuperClassName());
				}
				for (String implemented : type.getInterfaceNames()) {
					if (found == null) {
						found = beanType(implemented);
					}
				}
			}
		}
		this.assignable.put(className, found);
		return found;
	}

	private boolean isRegistrar(String className) {
		MetadataReader reader = readOrNull(className);
		if (reader == null) {
			return false;
		}
		for (String implemented : reader.getClassMetadata().getInterfaceNames()) {
			if (REGISTRARS.contains(implemented) || isRegistrar(implemented)) {
				return true;
			}
		}
		String superClass = reader.getClassMetadata().getSuperClassName();
		return superClass != null && !superClass.equals("java.lang.Object") && isRegistrar(superClass);
	}

	private static boolean isPrimitive(String className) {
		return className.indexOf('.') < 0;
	}

	private static boolean isSpringOrOurs(String className) {
		return className.startsWith("org.springframework.") || STARTER_PACKAGES.contains(ClassUtils.getPackageName(className));
	}

	private MetadataReader read(String className) throws IOException {
		return this.readers.getMetadataReader(className);
	}

	private MetadataReader readOrNull(String className) {
		try {
			return read(className);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private void because(String why) {
		if (this.reason == null) {
			this.reason = why;
		}
	}

	/**
	 * What the scan found.
	 * @param reason why the command needs the application context, {@code null} if it does not
	 * @param entityPackages where the entities are: the {@code @EntityScan} packages, else the
	 * application's
	 */
	record Result(String reason, List<String> entityPackages) {

	}

}
