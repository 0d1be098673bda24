package dev.migrations.boottests.security;

import dev.migrations.boottests.app.ShopApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The shop with Spring Security in front of Actuator as an operations team configures it, following
 * Spring Boot's documentation ({@code @EnableWebSecurity} as many applications have it):
 * {@code /actuator/health} open to anyone, every other endpoint to role {@code OPS} over HTTP Basic, CSRF
 * protection left on.
 */
public final class SecuredShopApplication {

	/** The sources of the application: the shop and its security. */
	public static final Class<?>[] SOURCES = { ShopApplication.class, OpsOnlyActuator.class };

	public static final String OPS = "ops";

	public static final String VIEWER = "viewer";

	public static final String PASSWORD = "s3cret";

	private SecuredShopApplication() {
	}

	public static void main(String[] args) {
		SpringApplication.run(SOURCES, args);
	}

	static InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(
				User.withUsername(OPS).password("{noop}" + PASSWORD).roles("OPS").build(),
				User.withUsername(VIEWER).password("{noop}" + PASSWORD).roles("VIEWER").build());
	}

	/** Health open to anyone, every other endpoint to role OPS. */
	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	public static class OpsOnlyActuator {

		@Bean
		SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
			http.securityMatcher(EndpointRequest.toAnyEndpoint());
			http.authorizeHttpRequests((requests) -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
				.permitAll()
				.anyRequest()
				.hasRole("OPS"));
			http.httpBasic(withDefaults());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return SecuredShopApplication.users();
		}

	}

	/** The migrations endpoint named by its id, to role OPS, CSRF protection off (a client with no browser). */
	@Configuration(proxyBeanMethods = false)
	public static class OpsOnlyMigrationsEndpoint {

		@Bean
		SecurityFilterChain migrationsEndpointSecurity(HttpSecurity http) throws Exception {
			http.securityMatcher(EndpointRequest.to("migrations"));
			http.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("OPS"));
			http.httpBasic(withDefaults());
			http.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return SecuredShopApplication.users();
		}

	}

}
