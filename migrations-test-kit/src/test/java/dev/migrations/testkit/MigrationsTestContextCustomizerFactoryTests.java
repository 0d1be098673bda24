package dev.migrations.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.ContextCustomizer;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

/** The fresh database a {@link MigrationsTest} context gets is dropped whether the context starts or not. */
@ExtendWith(TestDatabaseExtension.class)
class MigrationsTestContextCustomizerFactoryTests {

	@Test
	void theFreshDatabaseIsDroppedWhenTheContextFailsToStart(TestDatabase server) throws Exception {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.register(FailingConfiguration.class);
		String name = freshDatabaseOf(context);
		assertThat(exists(server, name)).isTrue();
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(context::refresh);
		assertThat(exists(server, name)).isFalse();
	}

	@Test
	void theFreshDatabaseIsDroppedWhenTheContextCloses(TestDatabase server) throws Exception {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		String name = freshDatabaseOf(context);
		context.refresh();
		assertThat(exists(server, name)).isTrue();
		context.close();
		assertThat(exists(server, name)).isFalse();
	}

	@Test
	void hibernateDoesNotValidateTheSchemaSoThatADriftedRevisionFailsTheCheckNotTheContext() {
		for (Class<?> testClass : List.of(AnnotatedTest.class, OwnDatabaseTest.class)) {
			try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
				// as the application's application.properties says
				context.getEnvironment().getPropertySources().addLast(new org.springframework.core.env.MapPropertySource(
						"applicationProperties", java.util.Map.of("spring.jpa.hibernate.ddl-auto", "validate",
								"spring.jpa.properties.hibernate.hbm2ddl.auto", "validate")));
				new MigrationsTestContextCustomizerFactory().createContextCustomizer(testClass, List.of())
					.customizeContext(context, null);
				assertThat(context.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).as(testClass.getName())
					.isEqualTo("none");
				assertThat(context.getEnvironment().getProperty("spring.jpa.properties.hibernate.hbm2ddl.auto"))
					.as(testClass.getName()).isEqualTo("none");
				assertThat(context.getEnvironment().getProperty("migrations.target")).isEqualTo("heads");
			}
		}
	}

	// customizes the context as for a @MigrationsTest class: the name of the database it points the context at
	private static String freshDatabaseOf(AnnotationConfigApplicationContext context) {
		ContextCustomizer customizer = new MigrationsTestContextCustomizerFactory()
			.createContextCustomizer(AnnotatedTest.class, List.of());
		customizer.customizeContext(context, null);
		String url = context.getEnvironment().getProperty("spring.datasource.url");
		String path = url.substring(url.lastIndexOf('/') + 1);
		return (path.indexOf('?') >= 0) ? path.substring(0, path.indexOf('?')) : path;
	}

	private static boolean exists(TestDatabase server, String name) throws Exception {
		try (Connection connection = server.dataSource().getConnection();
				PreparedStatement statement = connection.prepareStatement("select count(*) from pg_database where datname = ?")) {
			statement.setString(1, name);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1) == 1;
			}
		}
	}

	@MigrationsTest
	static class AnnotatedTest {

	}

	@MigrationsTest(freshDatabase = false)
	static class OwnDatabaseTest {

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingConfiguration {

		@Bean
		String failing() {
			throw new IllegalStateException("the application does not start");
		}

	}

}
