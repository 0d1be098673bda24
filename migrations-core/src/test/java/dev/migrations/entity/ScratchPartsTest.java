package dev.migrations.entity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrations.dialect.PostgresLockTable;
import dev.migrations.entity.ScratchParts.Part;

import static org.assertj.core.api.Assertions.assertThat;

class ScratchPartsTest {

	@Test
	void eachTableIsInOnePartWithTheTablesItsForeignKeysReference() {
		List<String> ddl = new ArrayList<>();
		ddl.add("create type Status as enum ('NEW','OLD')");
		ddl.add("create sequence audit_seq start with 1 increment by 50");
		for (int i = 1; i <= 6; i++) {
			ddl.add("create table t" + i + " (id bigint not null, code varchar(9), parent_id bigint, primary key (id))");
		}
		ddl.add("alter table if exists t1 add constraint t1_code_key unique (code)");
		ddl.add("create index ix_t4 on t4 (code)");
		for (int i = 2; i <= 6; i++) {
			ddl.add("alter table if exists t" + i + " add constraint fk_t" + i
					+ " foreign key (parent_id) references t" + (i - 1));
		}
		ddl.add("comment on column t6.code is 'references t5, in a comment'");

		// the type, two tables with their other statements, and one they reference in another part
		List<Part> parts = ScratchParts.split(ddl, 34);

		assertThat(parts).hasSize(3);
		assertThat(parts).extracting(Part::tables)
			.containsExactly(Set.of("t1", "t2"), Set.of("t3", "t4"), Set.of("t5", "t6"));
		assertThat(parts.get(0).statements()).containsExactly(ddl.get(0), ddl.get(1), ddl.get(2), ddl.get(3),
				ddl.get(8), ddl.get(10));
		// t3's foreign key needs t2: created, without its own foreign key
		assertThat(parts.get(1).statements()).containsExactly(ddl.get(0), ddl.get(3), ddl.get(4), ddl.get(5),
				ddl.get(9), ddl.get(11), ddl.get(12));
		assertThat(parts.get(1).numbers()).containsExactly(1, 4, 5, 6, 10, 12, 13);
		assertThat(parts.get(2).statements()).containsExactly(ddl.get(0), ddl.get(5), ddl.get(6), ddl.get(7),
				ddl.get(13), ddl.get(14), ddl.get(15));
		Set<String> all = new HashSet<>();
		parts.forEach((part) -> assertThat(all.addAll(part.tables())).isTrue());
		assertThat(all).hasSize(6);
	}

	@Test
	void aTableReferencedFromAnotherPartBringsItsUniqueKeys() {
		List<String> ddl = List.of("create table \"Owner\" (id bigint not null, code varchar(9), primary key (id))",
				"create table item (id bigint not null, owner_code varchar(9), primary key (id))",
				"alter table if exists \"Owner\" add constraint uk_owner_code unique (code)",
				"create index ix_owner on \"Owner\" (code)",
				"alter table if exists item add constraint fk_item_owner foreign key (owner_code) references \"Owner\" (code)");

		List<Part> parts = ScratchParts.split(ddl, 12);

		assertThat(parts).extracting(Part::tables).containsExactly(Set.of("Owner"), Set.of("item"));
		assertThat(parts.get(1).statements()).containsExactly(ddl.get(0), ddl.get(1), ddl.get(2), ddl.get(4));
	}

	@Test
	void aSequenceADefaultCallsIsInThatTablesPart() {
		List<String> ddl = List.of("create sequence first_seq", "create sequence \"Counter\"",
				"create table a (id bigint not null, primary key (id))",
				"create table b (id bigint default nextval('\"Counter\"'::regclass) not null, primary key (id))");

		List<Part> parts = ScratchParts.split(ddl, 12);

		assertThat(parts).extracting(Part::statements)
			.containsExactly(List.of(ddl.get(0), ddl.get(1), ddl.get(2)), List.of(ddl.get(1), ddl.get(3)));
	}

	@Test
	void ddlOfAShapeNotReadHereIsNotCut() {
		List<String> ddl = List.of("create table a (id bigint)", "create view v as select * from a");

		assertThat(ScratchParts.split(ddl, 1)).isEmpty();
		assertThat(ScratchParts.split(List.of("create table a (id bigint)", "alter table b add column x int"), 1))
			.isEmpty();
	}

	@Test
	void weighsTablesAboveOtherStatements() {
		assertThat(PostgresLockTable.weight(List.of("create table a (id int)", "create index ix on a (id)",
				"comment on table a is 'x'"))).isEqualTo(PostgresLockTable.TABLE_WEIGHT + 2);
	}

}
