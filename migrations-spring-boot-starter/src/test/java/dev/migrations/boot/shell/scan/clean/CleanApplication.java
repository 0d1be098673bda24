package dev.migrations.boot.shell.scan.clean;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/** Beans, none of which a command takes. */
@SpringBootApplication
public class CleanApplication {

	@Bean
	String greeting() {
		return "hello";
	}

	@Service
	static class GreetingService {

	}

	@Configuration(proxyBeanMethods = false)
	static class MoreConfiguration {

		@Bean
		StringBuilder buffer() {
			return new StringBuilder();
		}

	}

}
