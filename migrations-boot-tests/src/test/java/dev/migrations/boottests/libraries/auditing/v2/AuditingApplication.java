package dev.migrations.boottests.libraries.auditing.v2;

import java.util.Optional;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/** Spring Data JPA auditing, entities with {@code @Version}. */
@SpringBootApplication
@EnableJpaAuditing
public class AuditingApplication {

	@Bean
	AuditorAware<String> auditor() {
		return () -> Optional.of("alice");
	}

}
