package dev.migrations.boot.tenant;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code migrations.tenants.schemas} (a list, in any form), {@code migrations.tenants.query} or
 * {@code migrations.tenants.databases} is set.
 */
class OnTenantsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		List<String> schemas = binder.bind("migrations.tenants.schemas", Bindable.listOf(String.class)).orElse(List.of());
		String query = binder.bind("migrations.tenants.query", String.class).orElse(null);
		boolean databases = binder.bind("migrations.tenants.databases", Bindable.mapOf(String.class, Object.class))
			.map((map) -> !map.isEmpty()).orElse(false);
		if (schemas.stream().anyMatch(StringUtils::hasText) || StringUtils.hasText(query) || databases) {
			return ConditionOutcome.match("migrations.tenants.schemas, query or databases is set");
		}
		return ConditionOutcome.noMatch("none of migrations.tenants.schemas, query and databases is set");
	}

}
