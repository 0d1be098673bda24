package dev.migrations.entity;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.Table;

import static org.assertj.core.api.Assertions.assertThat;

class CheckConditionsTest {

	@Test
	void splitsAtAndOutsideParenthesesAndStrings() {
		assertThat(CheckConditions.conditions("score >= 0 AND score <= 10")).containsExactly("score >= 0", "score <= 10");
		assertThat(CheckConditions.conditions("(a > 0 AND b > 0) AND c::text <> 'x AND y'"))
			.containsExactly("(a > 0 AND b > 0)", "c::text <> 'x AND y'");
		assertThat(CheckConditions.conditions("status::text = ANY (ARRAY['A'::text])")).hasSize(1);
	}

	@Test
	void theSameConditionsInAnotherOrderAreTheSameCheck() {
		assertThat(CheckConditions.sameConditions("score >= 0 AND score <= 10", "score <= 10 AND score >= 0")).isTrue();
		assertThat(CheckConditions.sameConditions("score >= 0 AND score <= 10", "score <= 11 AND score >= 0")).isFalse();
		assertThat(CheckConditions.sameConditions("a > 0 AND a > 0 AND b > 0", "a > 0 AND b > 0 AND b > 0")).isFalse();
		assertThat(CheckConditions.sameConditions("a > 0", "a > 0")).isFalse();
	}

	@Test
	void keepsTheLiveSpellingOfTheSameConditionsUnderTheSameName() {
		Table target = table(new CheckConstraint("thing_score_check", "score >= 0 AND score <= 10"),
				new CheckConstraint("thing_level_check", "level >= 1 AND level <= 9"));
		Table live = table(new CheckConstraint("thing_score_check", "score <= 10 AND score >= 0"),
				new CheckConstraint("thing_level_check", "level <= 8 AND level >= 1"));

		assertThat(CheckConditions.keepLiveOrder(target, Optional.of(live)).checks()).containsExactly(
				new CheckConstraint("thing_score_check", "score <= 10 AND score >= 0"),
				new CheckConstraint("thing_level_check", "level >= 1 AND level <= 9"));
		assertThat(CheckConditions.allPresent(target, live)).isFalse();
		assertThat(CheckConditions.allPresent(table(target.checks().get(0)), live)).isTrue();
	}

	private static Table table(CheckConstraint... checks) {
		return new Table("thing", List.of(new Column("score", "integer", true, null, null, null)), null, List.of(),
				List.of(), List.of(), List.of(checks), null);
	}

}
