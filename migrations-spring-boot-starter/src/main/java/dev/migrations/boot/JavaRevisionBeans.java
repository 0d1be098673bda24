package dev.migrations.boot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import dev.migrations.revision.JavaRevision;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.BeanCurrentlyInCreationException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@link JavaRevision}s declared as Spring beans, created for the {@code Migrations} bean. A revision that needs a
 * bean using the database (a {@code JdbcTemplate}, JPA, a repository) cannot be used: at startup that bean waits for
 * the upgrade the revision is part of (Spring reports a cycle of beans, and suggests allowing circular references,
 * which would not help), and where it does not (command mode) it would run on another connection than the revision's,
 * outside its transaction, possibly waiting for the locks the revision holds. Both are refused here, naming the bean.
 */
final class JavaRevisionBeans {

	private JavaRevisionBeans() {
	}

	/**
	 * @param migrated the data sources the revisions run on (the application's, the migrations' own), by identity
	 */
	static List<JavaRevision> of(ObjectProvider<JavaRevision> provider, ListableBeanFactory beans, List<DataSource> migrated) {
		List<JavaRevision> revisions;
		try {
			revisions = provider.orderedStream().toList();
		}
		catch (BeansException ex) {
			throw notCreated(ex, beans);
		}
		ConfigurableListableBeanFactory factory = factory(beans);
		if (factory != null) {
			for (String name : beans.getBeanNamesForType(JavaRevision.class, true, false)) {
				String dataSource = usedDataSource(factory, name, migrated);
				if (dataSource != null) {
					throw new JavaRevisionBeanException(name, "The Java revision bean '" + name + "'"
							+ typeSuffix(factory, name) + " uses the database the revisions migrate through the bean '" + dataSource
							+ "' instead of the connection the revision gets: its statements would run on another connection,"
							+ " outside the revision's transaction (kept although the revision failed, or waiting for the locks"
							+ " the revision holds, for ever). " + JavaRevisionBeanException.ADVICE + " Nothing was run.");
				}
			}
		}
		return revisions;
	}

	private static JavaRevisionBeanException notCreated(BeansException ex, ListableBeanFactory beans) {
		Set<String> names = new HashSet<>(Arrays.asList(beans.getBeanNamesForType(JavaRevision.class, true, false)));
		String name = null;
		boolean cycle = false;
		Throwable root = ex;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (name == null && cause instanceof BeanCreationException creation && names.contains(creation.getBeanName())) {
				name = creation.getBeanName();
			}
			cycle |= cause instanceof BeanCurrentlyInCreationException;
			root = cause;
		}
		String bean = (name != null) ? "The Java revision bean '" + name + "'" + typeSuffix(beans, name) : "A Java revision bean";
		String why = cycle ? " needs a bean that is created after the upgrade it is part of (one that uses the database:"
				+ " a JdbcTemplate, JPA, a repository), which Spring reports as a cycle of beans: allowing circular"
				+ " references would not help. "
				: " could not be created: " + root.getMessage() + ". ";
		// the cause is left out: Spring's analysis of a cycle would replace this one, suggesting to allow it
		return new JavaRevisionBeanException(name, bean + why + JavaRevisionBeanException.ADVICE + " Nothing was run.");
	}

	// the name of a migrated DataSource bean the revision's bean depends on, directly or through other beans
	private static String usedDataSource(ConfigurableListableBeanFactory factory, String revision, List<DataSource> migrated) {
		Set<String> seen = new HashSet<>();
		Deque<String> next = new ArrayDeque<>(List.of(revision));
		while (!next.isEmpty()) {
			String name = next.pop();
			if (!seen.add(name)) {
				continue;
			}
			if (!name.equals(revision) && factory.containsSingleton(name)
					&& factory.getSingleton(name) instanceof DataSource dataSource && isMigrated(dataSource, migrated)) {
				return name;
			}
			String configuration = factoryBeanName(factory, name);
			for (String dependency : factory.getDependenciesForBean(name)) {
				// the configuration whose @Bean method made the bean: its own dependencies (a DataSource for its other
				// beans) are not the bean's, which gets its method's parameters (dependencies of the bean itself)
				if (!dependency.equals(configuration)) {
					next.add(dependency);
				}
			}
		}
		return null;
	}

	private static String factoryBeanName(ConfigurableListableBeanFactory factory, String name) {
		return factory.containsBeanDefinition(name) ? factory.getBeanDefinition(name).getFactoryBeanName() : null;
	}

	private static boolean isMigrated(DataSource dataSource, List<DataSource> migrated) {
		for (DataSource candidate : migrated) {
			if (candidate == dataSource) {
				return true;
			}
		}
		return false;
	}

	private static ConfigurableListableBeanFactory factory(ListableBeanFactory beans) {
		if (beans instanceof ConfigurableListableBeanFactory factory) {
			return factory;
		}
		if (beans instanceof ConfigurableApplicationContext context) {
			return context.getBeanFactory();
		}
		return null;
	}

	private static String typeSuffix(ListableBeanFactory beans, String name) {
		Class<?> type = beans.getType(name, false);
		return (type != null) ? " (" + type.getName() + ")" : "";
	}

	static List<DataSource> present(DataSource... dataSources) {
		List<DataSource> present = new ArrayList<>();
		for (DataSource dataSource : dataSources) {
			if (dataSource != null) {
				present.add(dataSource);
			}
		}
		return present;
	}

}
