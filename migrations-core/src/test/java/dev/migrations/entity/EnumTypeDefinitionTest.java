package dev.migrations.entity;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnumTypeDefinitionTest {

	// declared LOW, MEDIUM, HIGH, URGENT; Hibernate creates it sorted
	private final EnumTypeDefinition priority = new EnumTypeDefinition("priority", "example.Priority",
			List.of("LOW", "MEDIUM", "HIGH", "URGENT"), List.of("HIGH", "LOW", "MEDIUM", "URGENT"),
			List.of("orders.priority"));

	@Test
	void aTypeCreatedByHibernateOrInDeclarationOrderIsInSync() {
		assertThat(this.priority.isSatisfiedBy(List.of("HIGH", "LOW", "MEDIUM", "URGENT"))).isTrue();
		assertThat(this.priority.isSatisfiedBy(List.of("LOW", "MEDIUM", "HIGH", "URGENT"))).isTrue();
	}

	@Test
	void anyOtherOrderOrSetOfLabelsIsNot() {
		assertThat(this.priority.isSatisfiedBy(List.of("URGENT", "HIGH", "MEDIUM", "LOW"))).isFalse();
		assertThat(this.priority.isSatisfiedBy(List.of("LOW", "MEDIUM", "HIGH"))).isFalse();
		assertThat(this.priority.isSatisfiedBy(List.of("LOW", "MEDIUM", "HIGH", "URGENT", "NEVER"))).isFalse();
	}

	@Test
	void labelsAddedToAHibernateCreatedTypeKeepItSorted() {
		// URGENT was added to the enum; the live type was created by Hibernate without it
		assertThat(this.priority.orderToKeep(List.of("HIGH", "LOW", "MEDIUM")))
			.containsExactly("HIGH", "LOW", "MEDIUM", "URGENT");
	}

	@Test
	void labelsAddedToADeclarationOrderedTypeFollowTheDeclaration() {
		assertThat(this.priority.orderToKeep(List.of("LOW", "HIGH"))).containsExactly("LOW", "MEDIUM", "HIGH",
				"URGENT");
	}

	@Test
	void aReorderedTypeIsRestoredToTheDeclarationOrder() {
		assertThat(this.priority.orderToKeep(List.of("URGENT", "LOW", "HIGH"))).containsExactly("LOW", "MEDIUM",
				"HIGH", "URGENT");
	}

	@Test
	void labelsNoLongerDeclaredDoNotDecideTheOrder() {
		assertThat(this.priority.orderToKeep(List.of("HIGH", "LOW", "MEDIUM", "OBSOLETE"))).containsExactly("HIGH",
				"LOW", "MEDIUM", "URGENT");
	}

	@Test
	void becomesASchemaModelTypeInDeclarationOrder() {
		assertThat(this.priority.toEnumType().name()).isEqualTo("priority");
		assertThat(this.priority.toEnumType().values()).containsExactly("LOW", "MEDIUM", "HIGH", "URGENT");
	}

}
