package dev.migrations.boot.shell;

import dev.migrations.boot.shell.scan.beanregistrar.BeanRegistrarApplication;
import dev.migrations.boot.shell.scan.clean.CleanApplication;
import dev.migrations.boot.shell.scan.component.ComponentApplication;
import dev.migrations.boot.shell.scan.datasource.DataSourceApplication;
import dev.migrations.boot.shell.scan.imported.ImportingApplication;
import dev.migrations.boot.shell.scan.initializer.RegisteringInitializer;
import dev.migrations.boot.shell.scan.kotlinregistrar.KotlinBeansDsl;
import dev.migrations.boot.shell.scan.kotlinregistrar.KotlinRegistrarApplication;
import dev.migrations.boot.shell.scan.naming.NamingApplication;
import dev.migrations.boot.shell.scan.registrar.RegistrarApplication;
import dev.migrations.boot.shell.scan.scanbase.ScanningApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the class files of an application tell about a command's need for the application context: each
 * kind of bean a command takes is found where Spring would register it, and nothing else counts.
 */
class ApplicationBeanScanTests {

	@Test
	void beansNoCommandTakesLeaveTheCommandsWithoutTheContext() {
		ApplicationBeanScan.Result result = scan(CleanApplication.class, true);
		assertThat(result.reason()).isNull();
		assertThat(result.entityPackages()).containsExactly("dev.migrations.boot.shell.scan.clean");
	}

	@Test
	void aDataSourceBeanDeclaredAsThePoolsClassNeedsTheContext() {
		assertThat(scan(DataSourceApplication.class, false).reason()).isEqualTo(DataSourceApplication.class.getName()
				+ ".ownDataSource() declares a bean of type javax.sql.DataSource");
	}

	@Test
	void aNamingStrategyBeanNeedsTheContextOnlyForTheCommandsThatCompareTheEntities() {
		assertThat(scan(NamingApplication.class, false).reason()).isNull();
		assertThat(scan(NamingApplication.class, true).reason()).isEqualTo(NamingApplication.class.getName()
				+ ".namingStrategy() declares a bean of type org.hibernate.boot.model.naming.PhysicalNamingStrategy");
		assertThat(scan(NamingApplication.class, false).entityPackages()).containsExactly("com.example.orders",
				"com.example.billing");
	}

	@Test
	void aComponentThatIsAListenerThroughItsSuperclassNeedsTheContext() {
		assertThat(scan(ComponentApplication.class, false).reason()).isEqualTo(ComponentApplication.class.getName()
				+ "$RevisionAudit is a bean of type dev.migrations.runner.MigrationsListener");
	}

	@Test
	void aCustomizerInImportedConfigurationNeedsTheContext() {
		assertThat(scan(ImportingApplication.class, false).reason())
			.isEqualTo("dev.migrations.boot.shell.scan.external.ExternalConfiguration.externalCustomizer() declares a bean"
					+ " of type dev.migrations.boot.MigrationsConfigurationCustomizer");
	}

	@Test
	void aCustomizerInAnotherScannedPackageNeedsTheContext() {
		assertThat(scan(ScanningApplication.class, false).reason())
			.startsWith("dev.migrations.boot.shell.scan.external.ExternalConfiguration.externalCustomizer()");
	}

	@Test
	void beansRegisteredInCodeNeedTheContext() {
		assertThat(scan(RegistrarApplication.class, false).reason())
			.isEqualTo(RegistrarApplication.class.getName() + "$Registrar registers beans in code");
	}

	@Test
	void beansRegisteredByABeanRegistrarNeedTheContext() {
		// Spring Framework 7: the naming strategy it registers is the one the application maps its entities with
		assertThat(scan(BeanRegistrarApplication.class, true).reason())
			.isEqualTo(BeanRegistrarApplication.class.getName() + "$NamingBeans registers beans in code");
	}

	@Test
	void beansRegisteredByAKotlinBeanRegistrarDslNeedTheContext() {
		assertThat(scan(KotlinRegistrarApplication.class, true).reason())
			.isEqualTo("dev.migrations.boot.shell.scan.kotlinregistrar.ShopBeans registers beans in code");
	}

	@Test
	void aContextInitializerOfTheApplicationNeedsTheContext() {
		SpringApplication application = new SpringApplication(CleanApplication.class);
		application.addInitializers(new RegisteringInitializer());
		assertThat(ApplicationBeanScan.scan(application, false).reason()).isEqualTo("it has the context initializer "
				+ RegisteringInitializer.class.getName() + ", which may register beans");
	}

	@Test
	void beansRegisteredWithKotlinsBeansDslNeedTheContext() {
		// runApplication<ShopApplication>(*args) { addInitializers(beans { bean<PhysicalNamingStrategy> { ... } }) }
		SpringApplication application = new SpringApplication(CleanApplication.class);
		application.addInitializers(KotlinBeansDsl.initializer());
		assertThat(ApplicationBeanScan.scan(application, true).reason()).isEqualTo("it has the context initializer "
				+ "org.springframework.context.support.BeanDefinitionDsl (Kotlin's beans { } DSL), which may register beans");
	}

	private static ApplicationBeanScan.Result scan(Class<?> application, boolean entities) {
		return ApplicationBeanScan.scan(new SpringApplication(application), entities);
	}

}
