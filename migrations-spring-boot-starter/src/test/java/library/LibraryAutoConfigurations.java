package library;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configurations of a library outside this project that add entity packages, as Spring Modulith's event
 * registry does: a package of its own, since the project's own auto-configurations are not read for them.
 */
public final class LibraryAutoConfigurations {

	private LibraryAutoConfigurations() {
	}

	@AutoConfiguration
	@AutoConfigurationPackage(basePackages = "library.events")
	@ConditionalOnProperty(name = "library.events.enabled", matchIfMissing = true)
	public static class EventsAutoConfiguration {

	}

	@AutoConfiguration
	@AutoConfigurationPackage(basePackages = "library.failing")
	@Conditional(FailingCondition.class)
	public static class FailingConditionAutoConfiguration {

	}

	/** A condition that needs what a {@code db} command does not have. */
	public static class FailingCondition implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			throw new IllegalStateException("needs what a command does not have");
		}

	}

}
