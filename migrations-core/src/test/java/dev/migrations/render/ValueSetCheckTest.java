package dev.migrations.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValueSetCheckTest {

	@Test
	void aWiderRangeAdmitsANarrowerOneWhicheverBoundComesFirst() {
		// Bean Validation's @Min and @Max reach Hibernate's DDL in either order
		assertThat(ValueSetCheck.admitsAllOf("publish_year <= 2200 AND publish_year >= 1450",
				"publish_year >= 1450 AND publish_year <= 2100")).isTrue();
		assertThat(ValueSetCheck.admitsAllOf("publish_year >= 1450 AND publish_year <= 2200",
				"publish_year <= 2100 AND publish_year >= 1450")).isTrue();
		assertThat(ValueSetCheck.admitsAllOf("(publish_year <= 2200) AND (publish_year >= 1450)",
				"((publish_year >= 1450) AND (publish_year <= 2100))")).isTrue();
	}

	@Test
	void aNarrowerRangeOrAnotherColumnDoesNot() {
		assertThat(ValueSetCheck.admitsAllOf("publish_year <= 2100 AND publish_year >= 1450",
				"publish_year >= 1450 AND publish_year <= 2200")).isFalse();
		assertThat(ValueSetCheck.admitsAllOf("year <= 2200 AND year >= 1450",
				"publish_year >= 1450 AND publish_year <= 2100")).isFalse();
		// two lower bounds are not a range
		assertThat(ValueSetCheck.admitsAllOf("rooms >= 1 AND rooms >= 0", "rooms >= 1 AND rooms <= 5")).isFalse();
	}

	@Test
	void aListAdmitsTheValuesItContains() {
		assertThat(ValueSetCheck.admitsAllOf(
				"status::text = ANY (ARRAY['NEW'::character varying, 'DONE'::character varying, 'LATE'::character varying]::text[])",
				"status::text = ANY (ARRAY['NEW'::character varying, 'DONE'::character varying]::text[])")).isTrue();
		assertThat(ValueSetCheck.admitsAllOf(
				"status::text = ANY (ARRAY['NEW'::character varying]::text[])",
				"status::text = ANY (ARRAY['NEW'::character varying, 'DONE'::character varying]::text[])")).isFalse();
	}

}
