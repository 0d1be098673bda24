package dev.migrations.introspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Taking the expression out of what {@code pg_get_constraintdef} prints for a check. */
class CheckExpressionTests {

	@Test
	void dropsCheckKeywordAndOuterParentheses() {
		assertThat(PostgresIntrospector.checkExpression("CHECK (price > 0::numeric)")).isEqualTo("price > 0::numeric");
	}

	@Test
	void keepsNestedParentheses() {
		assertThat(PostgresIntrospector.checkExpression("CHECK ((a > 0) AND (b < (c + 1)))"))
			.isEqualTo("(a > 0) AND (b < (c + 1))");
	}

	@Test
	void dropsNotValidAndNoInheritSuffixes() {
		assertThat(PostgresIntrospector.checkExpression("CHECK (a > 0) NOT VALID")).isEqualTo("a > 0");
		assertThat(PostgresIntrospector.checkExpression("CHECK (a > (0)) NO INHERIT")).isEqualTo("a > (0)");
	}

	@Test
	void ignoresParenthesesInsideLiteralsAndQuotedNames() {
		assertThat(PostgresIntrospector.checkExpression("CHECK (name <> ')'::text AND note <> 'it''s ('::text)"))
			.isEqualTo("name <> ')'::text AND note <> 'it''s ('::text");
		assertThat(PostgresIntrospector.checkExpression("CHECK (\"odd)name\" > 0 AND \"say \"\")\"\"\" IS NOT NULL)"))
			.isEqualTo("\"odd)name\" > 0 AND \"say \"\")\"\"\" IS NOT NULL");
		assertThat(PostgresIntrospector.checkExpression("CHECK (note <> E'\\')'::text) NOT VALID"))
			.isEqualTo("note <> E'\\')'::text");
	}

	@Test
	void leavesAnUnexpectedDefinitionAsItIs() {
		assertThat(PostgresIntrospector.checkExpression("UNIQUE (a)")).isEqualTo("UNIQUE (a)");
		assertThat(PostgresIntrospector.checkExpression("CHECK (unbalanced")).isEqualTo("CHECK (unbalanced");
	}

}
