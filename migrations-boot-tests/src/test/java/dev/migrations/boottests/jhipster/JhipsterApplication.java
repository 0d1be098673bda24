package dev.migrations.boottests.jhipster;

import java.util.Optional;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;

/**
 * The entities of a generated JHipster application as its generator writes them: Spring Data
 * auditing on a mapped superclass, second-level cache and JSON annotations, Bean Validation, the
 * shared {@code sequenceGenerator}, join tables named {@code rel_<a>__<b>} (its Bean Validation
 * annotations are left out: this module runs without Hibernate Validator; the core corpus has them).
 */
@SpringBootApplication
@EnableJpaAuditing(auditorAwareRef = "springSecurityAuditorAware")
public class JhipsterApplication {

	@Bean
	AuditorAware<String> springSecurityAuditorAware() {
		return () -> Optional.of("system");
	}

}
