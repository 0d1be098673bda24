package dev.migrations.entity;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.hibernate.HibernateException;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.beanvalidation.BeanValidationIntegrator;
import org.hibernate.boot.beanvalidation.ValidationMode;
import org.hibernate.boot.internal.ClassLoaderAccessImpl;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.boot.registry.classloading.spi.ClassLoadingException;
import org.hibernate.boot.spi.ClassLoaderAccess;
import org.hibernate.cfg.ValidationSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.config.spi.StandardConverters;
import org.hibernate.engine.jdbc.spi.JdbcServices;

/**
 * Applies Bean Validation constraints to the mapping the way Hibernate does when the application's
 * SessionFactory starts, before any DDL is generated: {@code @NotNull}, {@code @NotBlank} and
 * {@code @NotEmpty} make columns {@code not null}, {@code @Size} and {@code @Length} set lengths,
 * {@code @Digits} precision and scale, {@code @Min} and {@code @Max} add column checks.
 * <p>
 * Hibernate does this in {@code BeanValidationIntegrator}, which runs only when a SessionFactory is
 * built; the metadata alone never sees it. The decision whether it happens is taken here with
 * Hibernate's own settings and parsing, in the integrator's order: the validation mode
 * ({@code jakarta.persistence.validation.mode}, else {@code javax.persistence.validation.mode};
 * {@code auto} by default, which is what Spring Boot passes), {@code hibernate.validator.apply_to_ddl}
 * (default {@code true}), the Bean Validation API on the application's class path, then a provider
 * (the factory given as {@code jakarta.persistence.validation.factory}, else the default factory
 * {@code Validation.buildDefaultValidatorFactory()} builds). The constraints themselves are applied by
 * Hibernate's own code ({@code TypeSafeActivator.applyRelationalConstraints}), so which annotations
 * count, composed constraints, the DDL group ({@code org.hibernate.validator.group.ddl}) and the
 * exceptions (single-table subclasses, embeddables without {@code @Valid}) are Hibernate's.
 * <p>
 * Everything is reached reflectively through the classes Hibernate itself loads, so that this works
 * whether or not the API and a provider are on the class path, and with the class loader the
 * application's Hibernate uses.
 */
final class BeanValidationDdl {

	private static final String ACTIVATOR = "org.hibernate.boot.beanvalidation.TypeSafeActivator";

	private static final String VALIDATION = "jakarta.validation.Validation";

	private static final String NO_PROVIDER = "jakarta.validation.NoProviderFoundException";

	private static final String FACTORY = "jakarta.validation.ValidatorFactory";

	private BeanValidationDdl() {
	}

	/**
	 * Applies the constraints to the metadata when the application's Hibernate would.
	 * @param metadata the built metadata
	 * @param registry its service registry
	 * @param applicationClassLoader the class loader the application starts Hibernate with, which
	 * Bean Validation searches for its provider and {@code META-INF/validation.xml}
	 * @return whether constraints were applied
	 * @throws EntityMetadataException when the application's SessionFactory would fail to start on
	 * its validation settings (a mode that needs a provider without one, a provider that fails)
	 */
	static boolean apply(Metadata metadata, StandardServiceRegistry registry, ClassLoader applicationClassLoader) {
		ConfigurationService configuration = registry.requireService(ConfigurationService.class);
		Map<String, Object> settings = configuration.getSettings();
		Object modeSetting = settings.get(ValidationSettings.JAKARTA_VALIDATION_MODE);
		if (modeSetting == null) {
			modeSetting = settings.get(ValidationSettings.JPA_VALIDATION_MODE);
		}
		Set<ValidationMode> modes;
		try {
			modes = ValidationMode.parseValidationModes(modeSetting);
		}
		catch (HibernateException ex) {
			throw new EntityMetadataException(ex.getMessage() + ". Use auto, callback, ddl or none, as the application's"
					+ " EntityManagerFactory fails on the same setting.", ex);
		}
		boolean toDdl = modes.contains(ValidationMode.DDL) || modes.contains(ValidationMode.AUTO);
		if (!toDdl || !configuration.getSetting(BeanValidationIntegrator.APPLY_CONSTRAINTS, StandardConverters.BOOLEAN,
				true)) {
			return false;
		}
		ClassLoaderService classLoaders = registry.requireService(ClassLoaderService.class);
		if (!loadable(classLoaders, BeanValidationIntegrator.JAKARTA_BV_CHECK_CLASS)) {
			if (modes.contains(ValidationMode.DDL)) {
				throw new EntityMetadataException("The validation mode 'ddl' (" + ValidationSettings.JAKARTA_VALIDATION_MODE
						+ ") needs Bean Validation, which is not on the class path: add a provider (e.g."
						+ " spring-boot-starter-validation) or change the mode; the application's EntityManagerFactory"
						+ " fails the same way.");
			}
			return false;
		}
		Class<?> activator = classLoaders.classForName(ACTIVATOR);
		Object factory = providedFactory(settings);
		boolean built = factory == null;
		if (built) {
			factory = defaultFactory(activator.getClassLoader(), applicationClassLoader, modes);
			if (factory == null) {
				return false;
			}
		}
		try {
			invoke(activator, factory, metadata, settings, registry);
			return true;
		}
		finally {
			if (built) {
				close(factory);
			}
		}
	}

	private static boolean loadable(ClassLoaderService classLoaders, String className) {
		try {
			classLoaders.classForName(className);
			return true;
		}
		catch (ClassLoadingException | LinkageError ex) {
			return false;
		}
	}

	// the JPA bootstrap passes the jakarta setting to the SessionFactory, else the javax one
	private static Object providedFactory(Map<String, Object> settings) {
		Object factory = settings.get(ValidationSettings.JAKARTA_VALIDATION_FACTORY);
		return (factory != null) ? factory : settings.get(ValidationSettings.JPA_VALIDATION_FACTORY);
	}

	// what Hibernate builds when no factory is given; null when the mode lets it go without a provider
	private static Object defaultFactory(ClassLoader hibernateClassLoader, ClassLoader applicationClassLoader,
			Set<ValidationMode> modes) {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(applicationClassLoader);
		try {
			Method build = Class.forName(VALIDATION, true, hibernateClassLoader).getMethod("buildDefaultValidatorFactory");
			return build.invoke(null);
		}
		catch (InvocationTargetException ex) {
			Throwable failure = ex.getTargetException();
			if (!modes.contains(ValidationMode.DDL) && failure.getClass().getName().equals(NO_PROVIDER)) {
				// the API alone, without a provider: in mode auto Hibernate skips Bean Validation
				return null;
			}
			throw new EntityMetadataException("Bean Validation could not start: " + failure.getMessage()
					+ ". The application's EntityManagerFactory fails the same way (Hibernate builds the default"
					+ " ValidatorFactory when it starts); fix the validation dependencies or set "
					+ ValidationSettings.JAKARTA_VALIDATION_MODE + " to none.", failure);
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			throw new EntityMetadataException("Bean Validation is on the class path but its default factory could not be"
					+ " reached: " + ex + ".", ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private static void invoke(Class<?> activator, Object factory, Metadata metadata, Map<String, Object> settings,
			StandardServiceRegistry registry) {
		Class<?> factoryType;
		try {
			factoryType = Class.forName(FACTORY, false, activator.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			throw new EntityMetadataException("Bean Validation's " + FACTORY + " is not visible to Hibernate.", ex);
		}
		if (!factoryType.isInstance(factory)) {
			throw new EntityMetadataException("The validator factory given as " + ValidationSettings.JAKARTA_VALIDATION_FACTORY
					+ " is a " + factory.getClass().getName() + ", not a " + FACTORY
					+ "; the application's EntityManagerFactory rejects it too.");
		}
		try {
			Method apply = activator.getMethod("applyRelationalConstraints", factoryType, Collection.class, Map.class,
					Dialect.class, ClassLoaderAccess.class);
			// public, on a class Hibernate keeps package-private
			apply.setAccessible(true);
			apply.invoke(null, factory, metadata.getEntityBindings(), settings,
					registry.requireService(JdbcServices.class).getDialect(),
					new ClassLoaderAccessImpl(registry.requireService(ClassLoaderService.class)));
		}
		catch (InvocationTargetException ex) {
			Throwable failure = ex.getTargetException();
			throw new EntityMetadataException("Hibernate could not apply the Bean Validation constraints to the DDL: "
					+ failure.getMessage() + ". The application's EntityManagerFactory fails the same way.", failure);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new EntityMetadataException("This Hibernate version applies Bean Validation constraints to its DDL"
					+ " in a way this tool does not know (" + ex + "); without them, columns would be compared"
					+ " without the NOT NULL, lengths and checks the application's Hibernate creates. Set "
					+ BeanValidationIntegrator.APPLY_CONSTRAINTS + "=false if the application does too.", ex);
		}
	}

	private static void close(Object factory) {
		if (factory instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// a factory that fails to close has still done its work
			}
		}
	}

}
