package dev.migrations.boot.jpa;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

/**
 * The packages that libraries' auto-configurations add to the application's entity packages with
 * {@code @AutoConfigurationPackage}, as Spring Modulith's JPA event publication registry adds its
 * {@code event_publication} entity. Spring Boot scans them for entities (when the application has no
 * {@code @EntityScan}) only where those auto-configurations run, which a {@code db} command leaves out
 * or does without: the command reads them from the auto-configurations' class files instead, with
 * their conditions ({@code spring.modulith.events.completion-mode=archive} adds the archive's entity).
 */
public final class AutoConfiguredEntityPackages {

	private static final String AUTO_CONFIGURATION_PACKAGE = AutoConfigurationPackage.class.getName();

	/** The conditions that need nothing but the environment and the class path. */
	private static final Set<String> WITHOUT_BEANS = Set.of(
			"org.springframework.boot.autoconfigure.condition.OnPropertyCondition",
			"org.springframework.boot.autoconfigure.condition.OnClassCondition");

	private AutoConfiguredEntityPackages() {
	}

	/**
	 * What the auto-configurations on the class path that carry {@code @AutoConfigurationPackage} add
	 * (Spring Boot's own declare none; this starter's none either), those whose conditions match.
	 * @param classLoader the application's class loader
	 * @param environment the application's environment
	 * @param beanFactory the application's bean definitions; {@code null} without the context, where a
	 * condition on beans cannot be told
	 * @return the packages, and which auto-configuration's condition could not be told
	 */
	public static Found find(ClassLoader classLoader, Environment environment,
			ConfigurableListableBeanFactory beanFactory) {
		MetadataReaderFactory readers = new SimpleMetadataReaderFactory(classLoader);
		ConditionContext context = new Context(classLoader, environment, beanFactory);
		Set<String> packages = new LinkedHashSet<>();
		for (String autoConfiguration : ImportCandidates.load(AutoConfiguration.class, classLoader)) {
			if (autoConfiguration.startsWith("org.springframework.boot.") || autoConfiguration.startsWith("dev.migrations.")) {
				continue;
			}
			AnnotationMetadata metadata;
			try {
				metadata = readers.getMetadataReader(autoConfiguration).getAnnotationMetadata();
			}
			catch (IOException ex) {
				// an auto-configuration listed without its class is skipped by Spring Boot too
				continue;
			}
			if (!metadata.isAnnotated(AUTO_CONFIGURATION_PACKAGE)) {
				continue;
			}
			List<String> conditions = new ArrayList<>();
			metadata.getAnnotations().stream(Conditional.class).forEach((found) -> conditions
				.addAll(List.of(found.asAnnotationAttributes(MergedAnnotation.Adapt.CLASS_TO_STRING).getStringArray("value"))));
			boolean matches = true;
			for (String condition : conditions) {
				if (beanFactory == null && !WITHOUT_BEANS.contains(condition)) {
					return new Found(List.of(), autoConfiguration);
				}
				try {
					Class<?> type = ClassUtils.resolveClassName(condition, classLoader);
					matches = matches && ((Condition) BeanUtils.instantiateClass(type)).matches(context, metadata);
				}
				catch (RuntimeException | LinkageError ex) {
					// a condition that cannot be evaluated here: without the context, the context decides; with it,
					// the auto-configuration would not have run either
					if (beanFactory == null) {
						return new Found(List.of(), autoConfiguration);
					}
					matches = false;
				}
			}
			if (matches) {
				packages.addAll(packages(metadata, ClassUtils.getPackageName(autoConfiguration)));
			}
		}
		return new Found(new ArrayList<>(packages), null);
	}

	private static List<String> packages(AnnotationMetadata metadata, String ownPackage) {
		List<String> packages = new ArrayList<>();
		metadata.getAnnotations().stream(AUTO_CONFIGURATION_PACKAGE).forEach((found) -> {
			var attributes = found.asAnnotationAttributes(MergedAnnotation.Adapt.CLASS_TO_STRING);
			packages.addAll(List.of(attributes.getStringArray("basePackages")));
			for (String type : attributes.getStringArray("basePackageClasses")) {
				packages.add(ClassUtils.getPackageName(type));
			}
		});
		return packages.isEmpty() ? List.of(ownPackage) : packages;
	}

	/**
	 * What {@link #find} found.
	 * @param packages the packages the matching auto-configurations add
	 * @param undecided an auto-configuration whose condition needs the application context, {@code null} if none
	 */
	public record Found(List<String> packages, String undecided) {

		public Found {
			packages = List.copyOf(packages);
		}

	}

	private record Context(ClassLoader classLoader, Environment environment,
			ConfigurableListableBeanFactory beanFactory) implements ConditionContext {

		@Override
		public BeanDefinitionRegistry getRegistry() {
			return (this.beanFactory instanceof BeanDefinitionRegistry registry) ? registry : null;
		}

		@Override
		public ConfigurableListableBeanFactory getBeanFactory() {
			return this.beanFactory;
		}

		@Override
		public Environment getEnvironment() {
			return this.environment;
		}

		@Override
		public ResourceLoader getResourceLoader() {
			return new DefaultResourceLoader(this.classLoader);
		}

		@Override
		public ClassLoader getClassLoader() {
			return this.classLoader;
		}

	}

}
