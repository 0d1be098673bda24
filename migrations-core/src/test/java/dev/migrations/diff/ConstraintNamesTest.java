package dev.migrations.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.schema.Index;

class ConstraintNamesTest {

	@Test
	void hibernateHashesAndMissingNamesAreReplacedButChosenAndServerNamesAreKept() {
		assertThat(ConstraintNames.needsReadableName(null, "customer")).isTrue();
		assertThat(ConstraintNames.needsReadableName("FKev1o7s2p1t0u5q8gqb7j7ofn6", "customer")).isTrue();
		assertThat(ConstraintNames.needsReadableName("uk5r6t7y8u9i0o1p2a3s4d5f6g7", "customer")).isTrue();
		assertThat(ConstraintNames.needsReadableName("IDXq2w3e4r5t6y7u8i9o0p1a2s3", "customer")).isTrue();
		assertThat(ConstraintNames.needsReadableName("customerPK", "customer")).isTrue();
		assertThat(ConstraintNames.needsReadableName("customer_pkey", "customer")).isFalse();
		assertThat(ConstraintNames.needsReadableName("customer_email_key", "customer")).isFalse();
		assertThat(ConstraintNames.needsReadableName("fkcustomerorderslines", "customer")).isFalse();
		assertThat(ConstraintNames.needsReadableName("uq_customer_email", "customer")).isFalse();
	}

	@Test
	void namesSayWhatTheyConstrain() {
		assertThat(ConstraintNames.primaryKey("Order")).isEqualTo("pk_order");
		assertThat(ConstraintNames.unique("customer", List.of("email", "Tenant Id"))).isEqualTo("uq_customer_email_tenant_id");
		assertThat(ConstraintNames.foreignKey("post", List.of("author_id"), "author")).isEqualTo("fk_post_author_id__author");
		assertThat(ConstraintNames.check("bulletin",
				"((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'LIVE'::character varying])::text[]))"))
			.isEqualTo("ck_bulletin_status");
		assertThat(ConstraintNames.check("customer", "(lower((email)::text) <> ''::text)")).isEqualTo("ck_customer_email");
		assertThat(ConstraintNames.check("span", "(\"End\" > start)")).isEqualTo("ck_span_end_start");
		assertThat(ConstraintNames.index("doc", new Index(null, List.of("lower((title)::text)", "created_at DESC"), false,
				"btree", null, List.of()))).isEqualTo("ix_doc_title_created_at");
		assertThat(ConstraintNames.index("doc", new Index(null, List.of("tags gin_trgm_ops"), false, "gin", null, List.of())))
			.isEqualTo("ix_doc_tags");
	}

	@Test
	void columnsNamedLikeTypesStillNameTheirIndexesAndChecks() {
		assertThat(ConstraintNames.index("customer", new Index(null, List.of("name"), false, "btree", null, List.of())))
			.isEqualTo("ix_customer_name");
		assertThat(ConstraintNames.index("event", new Index(null, List.of("date", "time DESC"), false, "btree", null,
				List.of()))).isEqualTo("ix_event_date_time");
		assertThat(ConstraintNames.check("customer", "(name)::text <> ''::text")).isEqualTo("ck_customer_name");
		assertThat(ConstraintNames.check("event", "(created_at AT TIME ZONE 'UTC'::text) > (date)::timestamp without time zone"))
			.isEqualTo("ck_event_created_at_date");
		assertThat(ConstraintNames.check("t", "CAST(code AS name) <> text AND price > 0::double precision"))
			.isEqualTo("ck_t_code_text_price");
		assertThat(ConstraintNames.index("t", new Index(null, List.of("email COLLATE \"C\""), false, "btree", null,
				List.of()))).isEqualTo("ix_t_email");
	}

	@Test
	void longNamesAreCutToSixtyThreeBytesWithAHashThatKeepsThemApart() {
		String table = "a_rather_long_table_name_for_customer_purchase_orders";
		String one = ConstraintNames.unique(table, List.of("billing_address_line_one", "postal_code"));
		String two = ConstraintNames.unique(table, List.of("billing_address_line_two", "postal_code"));

		assertThat(one).hasSize(63);
		assertThat(one).startsWith("uq_a_rather_long_table_name_for_customer_purchase_").matches(".*_[0-9a-f]{8}");
		assertThat(one).isNotEqualTo(two).isEqualTo(ConstraintNames.unique(table, List.of("billing_address_line_one",
				"postal_code")));
		assertThat(ConstraintNames.truncate("ü".repeat(40)).getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
	}

}
