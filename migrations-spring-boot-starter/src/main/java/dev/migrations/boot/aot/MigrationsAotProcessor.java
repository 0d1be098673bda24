package dev.migrations.boot.aot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.Migrations;
import dev.migrations.boot.MigrationsProperties;
import dev.migrations.revision.JavaRevision;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Registers, at build time, the runtime hints that depend on the application's properties: every
 * {@code classpath:} location of {@code migrations.locations} as resources (with {@code {vendor}}
 * expanded to each dialect), and every {@link JavaRevision} class under
 * {@code migrations.java-packages} for reflective construction, the way the revisions are read at
 * runtime.
 */
class MigrationsAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final List<String> VENDORS = List.of("postgresql", "mariadb", "h2");

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.getBeanNamesForType(Migrations.class, true, false).length == 0
				|| !beanFactory.containsBean("environment")) {
			return null;
		}
		Environment environment = beanFactory.getBean(Environment.class);
		MigrationsProperties properties = Binder.get(environment)
			.bind("migrations", MigrationsProperties.class)
			.orElseGet(MigrationsProperties::new);
		Set<String> resourcePatterns = resourcePatterns(properties.getLocations());
		Set<String> javaRevisions = javaRevisionClasses(properties.getJavaPackages(), beanFactory.getBeanClassLoader());
		return (generationContext, code) -> register(generationContext.getRuntimeHints(), resourcePatterns, javaRevisions);
	}

	private static void register(RuntimeHints hints, Set<String> resourcePatterns, Set<String> javaRevisions) {
		resourcePatterns.forEach(hints.resources()::registerPattern);
		for (String type : javaRevisions) {
			hints.reflection().registerType(TypeReference.of(type), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		}
	}

	static Set<String> resourcePatterns(List<String> locations) {
		Set<String> patterns = new LinkedHashSet<>();
		for (String location : locations) {
			if (location.startsWith("filesystem:") || location.startsWith("file:")) {
				continue;
			}
			String path = (location.startsWith("classpath:") ? location.substring("classpath:".length()) : location)
				.replaceAll("^/+|/+$", "");
			List<String> expanded = path.contains("{vendor}")
					? VENDORS.stream().map((vendor) -> path.replace("{vendor}", vendor)).toList() : List.of(path);
			for (String directory : expanded) {
				patterns.add(directory);
				patterns.add(directory + "/**");
			}
		}
		return patterns;
	}

	static Set<String> javaRevisionClasses(List<String> packages, ClassLoader classLoader) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(JavaRevision.class));
		if (classLoader != null) {
			scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
		}
		Set<String> types = new LinkedHashSet<>();
		for (String packageName : packages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(packageName)) {
				types.add(candidate.getBeanClassName());
			}
		}
		return types;
	}

}
