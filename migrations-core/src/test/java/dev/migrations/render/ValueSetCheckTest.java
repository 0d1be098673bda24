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
	void boundsAsPostgresqlPrintsThemAreRangesToo() {
		// a negative bound is printed as a string cast, a bound on a numeric column with the column's type
		assertThat(ValueSetCheck.admitsAllOf("lat <= 90 AND lat >= '-180'::integer", "lat >= '-90'::integer AND lat <= 90"))
			.isTrue();
		assertThat(ValueSetCheck.admitsAllOf("percent >= 0::numeric AND percent <= 200::numeric",
				"percent >= 0::numeric AND percent <= 100::numeric")).isTrue();
		// a single @Min or @Max
		assertThat(ValueSetCheck.admitsAllOf("temperature >= '-20'::integer", "temperature >= '-10'::integer")).isTrue();
		assertThat(ValueSetCheck.admitsAllOf("temperature >= '-10'::integer", "temperature >= '-20'::integer")).isFalse();
		assertThat(ValueSetCheck.admitsAllOf("stock >= 0", "stock <= 10")).isFalse();
		assertThat(ValueSetCheck.parse("valid_to >= valid_from")).isEmpty();
		assertThat(ValueSetCheck.parse("big <= '99999999999999999999'::numeric")).isEmpty();
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
