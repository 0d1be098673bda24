package dev.migrations.diff;

import static dev.migrations.diff.TestTables.column;
import static dev.migrations.diff.TestTables.enumType;
import static dev.migrations.diff.TestTables.foreignKey;
import static dev.migrations.diff.TestTables.identity;
import static dev.migrations.diff.TestTables.index;
import static dev.migrations.diff.TestTables.notNull;
import static dev.migrations.diff.TestTables.schema;
import static dev.migrations.diff.TestTables.sequence;
import static dev.migrations.diff.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.migrations.MigrationsException;
import dev.migrations.diff.Operation.AddColumn;
import dev.migrations.diff.Operation.AddEnumValue;
import dev.migrations.diff.Operation.AddForeignKey;
import dev.migrations.diff.Operation.AlterColumn;
import dev.migrations.diff.Operation.CreateSequence;
import dev.migrations.diff.Operation.CreateTable;
import dev.migrations.diff.Operation.DropColumn;
import dev.migrations.diff.Operation.DropSequence;
import dev.migrations.diff.Operation.DropTable;
import dev.migrations.diff.Operation.RecreateEnumType;
import dev.migrations.diff.Operation.RenameColumn;
import dev.migrations.diff.Operation.RenameSequence;
import dev.migrations.diff.Operation.RenameTable;
import dev.migrations.schema.CheckConstraint;
import dev.migrations.schema.Column;
import dev.migrations.schema.EnumCast;
import dev.migrations.schema.EnumType;
import dev.migrations.schema.ForeignKey;
import dev.migrations.schema.Index;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;

class SchemaDifferTest {

	private final SchemaDiffer differ = new SchemaDiffer();

	private static final Table AUTHOR = table("author").columns(identity("id", "bigint"), notNull("name", "text"))
		.primaryKey("author_pkey", "id")
		.build();

	private static List<String> described(List<Operation> operations) {
		return operations.stream().map(Operation::describe).collect(Collectors.toList());
	}

	@Test
	void identicalModelsGiveNoOperations() {
		SchemaModel model = schema(AUTHOR);
		assertThat(this.differ.diff(model, model)).isEmpty();
	}

	@Test
	void newTablesAreCreatedWithoutForeignKeysWhichFollowOnceEveryTableExists() {
		Table comment = table("comment")
			.columns(identity("id", "bigint"), column("bulletin_id", "bigint"), column("parent_id", "bigint"))
			.primaryKey("comment_pkey", "id")
			.foreignKey(foreignKey("fk1", "parent_id", "comment", "id"))
			.foreignKey(foreignKey("fk2", "bulletin_id", "bulletin", "id"))
			.build();
		Table bulletin = table("bulletin").columns(identity("id", "bigint")).primaryKey("bulletin_pkey", "id").build();

		List<Operation> operations = this.differ.diff(schema(), schema(bulletin, comment));

		assertThat(described(operations)).containsExactly("create table bulletin", "create table comment",
				"add foreign key comment(parent_id) -> comment(id)", "add foreign key comment(bulletin_id) -> bulletin(id)");
		CreateTable created = (CreateTable) operations.get(1);
		assertThat(created.table().foreignKeys()).isEmpty();
		assertThat(created.table().primaryKey().name()).isEqualTo("comment_pkey");
	}

	@Test
	void droppedTablesLoseTheirForeignKeysFirstSoTheDowngradeCanRecreateThemLast() {
		Table post = table("post").columns(identity("id", "bigint"), column("author_id", "bigint"))
			.foreignKey(foreignKey("post_author_id_fkey", "author_id", "author", "id"))
			.build();

		List<Operation> operations = this.differ.diff(schema(AUTHOR, post), schema());

		assertThat(described(operations)).containsExactly("drop foreign key post_author_id_fkey on post(author_id) -> author(id)",
				"drop table author", "drop table post");
		assertThat(((DropTable) operations.get(2)).table().foreignKeys()).isEmpty();
		assertThat(described(Operation.reverse(operations))).containsExactly("create table post", "create table author",
				"add foreign key post(author_id) -> author(id)");
	}

	@Test
	void columnsAreAddedDroppedAndAlteredInOneOperationPerColumn() {
		Table before = table("bulletin")
			.columns(identity("id", "bigint"), column("status", "character varying(20)"), column("legacy", "integer"),
					column("title", "text", true, "'untitled'::text"), column("seq", "integer"))
			.build();
		Table after = table("bulletin")
			.columns(identity("id", "bigint"), notNull("status", "character varying(50)"), column("title", "text"),
					new Column("seq", "integer", false, null, Column.Identity.ALWAYS, null),
					column("published_at", "timestamp(6) with time zone"))
			.build();

		List<Operation> operations = this.differ.diff(schema(before), schema(after), DiffOptions.defaults()
			.withRenameMode(RenameMode.DROP_AND_ADD));

		assertThat(described(operations)).containsExactly("add column bulletin.published_at",
				"alter column bulletin.status (type character varying(20) -> character varying(50), set not null)",
				"alter column bulletin.title (drop default)",
				"alter column bulletin.seq (set not null, identity ALWAYS)", "drop column bulletin.legacy");
		assertThat(((DropColumn) operations.get(4)).column()).isEqualTo(column("legacy", "integer"));
		assertThat(this.differ.describe(operations)).extracting(Difference::kind)
			.containsExactly("COLUMN_MISSING", "COLUMN_TYPE", "COLUMN_NULLABLE", "COLUMN_DEFAULT", "COLUMN_NULLABLE",
					"COLUMN_IDENTITY", "COLUMN_EXTRA");
	}

	@Test
	void aChangedGenerationExpressionIsOneDifferenceAndARenamedColumnItReadsIsNone() {
		Table before = table("box")
			.columns(identity("id", "bigint"), column("len", "integer"), column("width", "integer"),
					new Column("area", "integer", true, null, null, null, "(len * width)"),
					new Column("girth", "integer", true, null, null, null, "(len + width)"))
			.build();
		Table after = table("box")
			.columns(identity("id", "bigint"), column("length", "integer"), column("width", "integer"),
					new Column("area", "integer", true, null, null, null, "(length * width)"),
					new Column("girth", "integer", true, null, null, null, "(2 * (length + width))"))
			.build();

		List<Operation> operations = this.differ.diff(schema(before), schema(after),
				DiffOptions.defaults().withRenames(Map.of("box.len", "length")));

		assertThat(described(operations)).containsExactly("rename column box.len to length", "drop column box.girth",
				"add column box.girth");
		assertThat(this.differ.describe(operations)).extracting(Difference::detail)
			.containsExactly("box.len: the entities call it length (renamed)", "box.girth: database has generated always as"
					+ " (len + width), entities want generated always as (2 * (length + width))");
	}

	@Test
	void aGeneratedColumnWhoseTypeChangesIsAddedAgainForAlterTypeTakesNoUsingThere() {
		Table before = table("box")
			.columns(identity("id", "bigint"), column("len", "integer"),
					new Column("label", "text", true, null, null, null, "(len)::text"))
			.build();
		Table after = table("box")
			.columns(identity("id", "bigint"), column("len", "integer"),
					new Column("label", "integer", true, null, null, null, "(len)::text"))
			.build();

		List<Operation> operations = this.differ.diff(schema(before), schema(after), DiffOptions.defaults());

		assertThat(described(operations)).containsExactly("drop column box.label", "add column box.label");
		assertThat(this.differ.describe(operations)).extracting(Difference::detail)
			.containsExactly("box.label: database has text, entities want integer");
	}

	@Test
	void aGeneratedColumnReadingARetypedColumnIsAddedAgainAndOnlyTheRetypedColumnIsADifference() {
		Table before = table("box")
			.columns(identity("id", "bigint"), column("len", "integer"),
					new Column("twice", "bigint", true, null, null, null, "(len * 2)"))
			.build();
		Table after = table("box")
			.columns(identity("id", "bigint"), column("len", "bigint"),
					new Column("twice", "bigint", true, null, null, null, "(len * 2)"))
			.build();

		List<Operation> operations = this.differ.diff(schema(before), schema(after), DiffOptions.defaults());

		assertThat(described(operations)).containsExactly("drop column box.twice",
				"alter column box.len (type integer -> bigint)", "add column box.twice");
		assertThat(this.differ.describe(operations)).extracting(Difference::detail)
			.containsExactly("box.len: database has integer, entities want bigint");
	}

	@Test
	void constraintAndIndexNamesAloneAreNoDifference() {
		Table database = table("customer")
			.columns(identity("id", "bigint"), column("email", "character varying(255)"), column("author_id", "bigint"),
					column("age", "integer"))
			.primaryKey("customer_pkey", "id")
			.unique("customer_email_key", "email")
			.index(index("ix_customer_lower_email", "lower((email)::text)"))
			.foreignKey(foreignKey("customer_author_id_fkey", "author_id", "author", "id"))
			.check("customer_age_check", "(age >= 0)")
			.build();
		Table entities = table("customer")
			.columns(identity("id", "bigint"), column("email", "character varying(255)"), column("author_id", "bigint"),
					column("age", "integer"))
			.primaryKey("customerpk", "id")
			.unique("ukq2w3e4r5t6y7u8i9o0p1a2s3d", "email")
			.index(index("idx8s7d6f5g4h3j2k1l0z9x8c7v", "lower((email)::text)"))
			.foreignKey(foreignKey("fkev1o7s2p1t0u5q8gqb7j7ofn6", "author_id", "author", "id"))
			.check("constraint_1", "(age >= 0)")
			.build();

		assertThat(this.differ.diff(schema(AUTHOR, database), schema(AUTHOR, entities))).isEmpty();
	}

	@Test
	void changedDefinitionsAreDroppedWithTheirRealNameAndAddedWithAReadableOne() {
		Table database = table("customer")
			.columns(identity("id", "bigint"), column("email", "text"), column("author_id", "bigint"), column("age", "integer"))
			.primaryKey("customer_pkey", "id")
			.index(index("customer_email_idx", "email"))
			.foreignKey(foreignKey("customer_author_id_fkey", "author_id", "author", "id"))
			.check("customer_age_check", "(age >= 0)")
			.build();
		Table entities = table("customer")
			.columns(identity("id", "bigint"), column("email", "text"), column("author_id", "bigint"), column("age", "integer"))
			.primaryKey("customer_pkey", "id")
			.unique("uk5r6t7y8u9i0o1p2a3s4d5f6g7", "email")
			.index(new Index("idx1q2w3e4r5t6y7u8i9o0p1a2s3", List.of("email"), false, "btree", "(age > 18)", List.of()))
			.foreignKey(new ForeignKey("fkev1o7s2p1t0u5q8gqb7j7ofn6", List.of("author_id"), null, "author", List.of("id"),
					ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION))
			.check(null, "(age > 0)")
			.build();

		List<Operation> operations = this.differ.diff(schema(AUTHOR, database), schema(AUTHOR, entities));

		assertThat(operations).containsExactly(
				new Operation.DropForeignKey("customer", database.foreignKeys().get(0)),
				new Operation.DropCheck("customer", database.checks().get(0)),
				new Operation.DropIndex("customer", database.indexes().get(0)),
				new Operation.AddUnique("customer", new dev.migrations.schema.UniqueConstraint("uq_customer_email", List.of("email"))),
				new Operation.CreateIndex("customer", new Index("ix_customer_email", List.of("email"), false, "btree",
						"(age > 18)", List.of())),
				new Operation.AddCheck("customer", new CheckConstraint("ck_customer_age", "(age > 0)")),
				new Operation.AddForeignKey("customer", new ForeignKey("fk_customer_author_id__author", List.of("author_id"),
						null, "author", List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)));
	}

	@Test
	void generatedNamesDoNotCollideWithNamesInUse() {
		Table database = table("offer").columns(column("price", "numeric(10,2)"))
			.check("ck_offer_price", "(price > (0)::numeric)")
			.build();
		Table entities = table("offer").columns(column("price", "numeric(10,2)"))
			.check("ck_offer_price", "(price > (0)::numeric)")
			.check(null, "(price < (1000)::numeric)")
			.build();

		List<Operation> operations = this.differ.diff(schema(database), schema(entities));

		assertThat(operations).containsExactly(
				new Operation.AddCheck("offer", new CheckConstraint("ck_offer_price_2", "(price < (1000)::numeric)")));
	}

	@Test
	void aConstraintReplacedInTheSameScriptKeepsItsReadableName() {
		Table database = table("comment").columns(column("post_id", "bigint"))
			.foreignKey(foreignKey("fk_comment_post_id__post", "post_id", "post", "id"))
			.build();
		Table entities = table("comment").columns(column("post_id", "bigint"))
			.foreignKey(new ForeignKey("FKawh04q8kr52jt7ed32yl29i1", List.of("post_id"), null, "post", List.of("id"),
					ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION))
			.build();

		List<Operation> operations = this.differ.diff(schema(database), schema(entities));

		assertThat(operations).containsExactly(new Operation.DropForeignKey("comment", database.foreignKeys().get(0)),
				new Operation.AddForeignKey("comment", new ForeignKey("fk_comment_post_id__post", List.of("post_id"), null,
						"post", List.of("id"), ForeignKey.Action.CASCADE, ForeignKey.Action.NO_ACTION)));
	}

	@Test
	void aServerChosenNameThatAKeptConstraintHoldsIsNotReused() {
		// the scratch schema numbered its checks in another order than the database did
		Table database = table("offer").columns(column("quantity", "integer"))
			.check("offer_quantity_check", "(quantity <= 1000)")
			.build();
		Table entities = table("offer").columns(column("quantity", "integer"))
			.check("offer_quantity_check", "(quantity >= 0)")
			.check("offer_quantity_check1", "(quantity <= 1000)")
			.build();

		List<Operation> operations = this.differ.diff(schema(database), schema(entities));

		assertThat(operations).containsExactly(
				new Operation.AddCheck("offer", new CheckConstraint("ck_offer_quantity", "(quantity >= 0)")));
	}

	@Test
	void aUniqueIndexOnPlainColumnsSatisfiesAUniqueConstraintOnThem() {
		Table database = table("member").columns(column("email", "text"), column("nickname", "text"))
			.index(new Index("ux_member_email", List.of("email"), true, "btree", null, List.of()))
			.index(new Index("ux_member_nickname", List.of("lower(nickname)"), true, "btree", null, List.of()))
			.build();
		Table entities = table("member").columns(column("email", "text"), column("nickname", "text"))
			.unique("member_email_key", "email")
			.unique("member_nickname_key", "nickname")
			.build();

		List<Operation> operations = this.differ.diff(schema(database), schema(entities));

		assertThat(described(operations)).containsExactly("drop index ux_member_nickname on member(lower(nickname))",
				"add unique constraint on member (nickname)");
	}

	@Test
	void aForeignKeyIsDroppedAndReAddedAroundAChangeOfTheKeyItReferences() {
		Table before = table("country").columns(notNull("code", "character(2)"), notNull("id", "integer"))
			.primaryKey("country_pkey", "code")
			.build();
		Table after = table("country").columns(notNull("code", "character(2)"), notNull("id", "integer"))
			.primaryKey("country_pkey", "code", "id")
			.build();
		Table city = table("city").columns(column("country_code", "character(2)"))
			.foreignKey(foreignKey("city_country_code_fkey", "country_code", "country", "code"))
			.build();
		Table cityWanted = table("city").columns(column("country_code", "character(2)"))
			.foreignKey(foreignKey("fk0a1b2c3d4e5f6g7h8i9j0k1l2", "country_code", "country", "code"))
			.build();

		List<Operation> operations = this.differ.diff(schema(city, before), schema(cityWanted, after));

		assertThat(described(operations)).containsExactly(
				"drop foreign key city_country_code_fkey on city(country_code) -> country(code)",
				"drop primary key on country (code)", "add primary key on country (code, id)",
				"add foreign key city(country_code) -> country(code)");
		assertThat(((AddForeignKey) operations.get(3)).foreignKey().name()).isEqualTo("city_country_code_fkey");
		assertThat(this.differ.describe(operations)).containsExactly(new Difference("PRIMARY_KEY_CHANGED", "country",
				"country: database has primary key (code), entities want (code, id)"));
	}

	@Test
	void indexesDifferByMethodPredicateIncludeAndUniqueness() {
		Index plain = index("a", "tags");
		Table database = table("doc").columns(column("tags", "text[]")).index(plain).build();
		for (Index changed : List.of(new Index("b", List.of("tags"), false, "gin", null, List.of()),
				new Index("b", List.of("tags"), true, "btree", null, List.of()),
				new Index("b", List.of("tags"), false, "btree", "(tags IS NOT NULL)", List.of()),
				new Index("b", List.of("tags"), false, "btree", null, List.of("id")))) {
			Table entities = table("doc").columns(column("tags", "text[]")).index(changed).build();
			assertThat(described(this.differ.diff(schema(database), schema(entities))))
				.containsExactly("drop index a on doc(tags)", "create " + (changed.unique() ? "unique " : "") + "index b on doc(tags)");
		}
		Table sameWithNullMethod = table("doc").columns(column("tags", "text[]"))
			.index(new Index("a", List.of("tags"), false, null, null, null))
			.build();
		assertThat(this.differ.diff(schema(database), schema(sameWithNullMethod))).isEmpty();
	}

	@Test
	void anIndexNamedInTheEntitiesIsRenamedButNotForTheCutPostgresqlMakesOfALongName() {
		Table database = table("doc").columns(column("tags", "text[]")).index(index("ix_doc_tags", "tags")).build();
		Table renamed = table("doc").columns(column("tags", "text[]")).index(index("ix_doc_tag_list", "tags")).build();
		assertThat(described(this.differ.diff(schema(database), schema(renamed)))).hasSize(1);
		// 70 characters in the entity, stored as their first 63
		String longName = "ix_doc_tags_" + "x".repeat(58);
		Table stored = table("doc").columns(column("tags", "text[]")).index(index(longName.substring(0, 63), "tags")).build();
		Table entities = table("doc").columns(column("tags", "text[]")).index(index(longName, "tags")).build();
		assertThat(this.differ.diff(schema(stored), schema(entities))).isEmpty();
		assertThat(ConstraintNames.asStored("é".repeat(40))).isEqualTo("é".repeat(31));
	}

	@Test
	void aDroppedAndAnAddedColumnOfTheSameShapeAreProposedAsARename() {
		Table before = table("bulletin").columns(identity("id", "bigint"), notNull("title", "character varying(255)")).build();
		Table after = table("bulletin").columns(identity("id", "bigint"), notNull("headline", "character varying(255)")).build();

		List<Operation> operations = this.differ.diff(schema(before), schema(after));

		assertThat(operations).containsExactly(new RenameColumn("bulletin", "title", "headline",
				List.of(new DropColumn("bulletin", notNull("title", "character varying(255)")),
						new AddColumn("bulletin", notNull("headline", "character varying(255)")))));
		assertThat(((RenameColumn) operations.get(0)).proposed()).isTrue();
		assertThat(this.differ.describe(operations)).extracting(Difference::detail)
			.containsExactly("bulletin.title: the entities call it headline (same type, nullability and default: probably renamed)");
	}

	@Test
	void noRenameIsProposedWhenTheShapesDifferOrInDropAndAddMode() {
		Table before = table("bulletin").columns(notNull("title", "character varying(255)")).build();
		Table otherType = table("bulletin").columns(notNull("headline", "text")).build();
		Table sameShape = table("bulletin").columns(notNull("headline", "character varying(255)")).build();

		assertThat(described(this.differ.diff(schema(before), schema(otherType))))
			.containsExactly("add column bulletin.headline", "drop column bulletin.title");
		assertThat(described(this.differ.diff(schema(before), schema(sameShape),
				DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD))))
			.containsExactly("add column bulletin.headline", "drop column bulletin.title");
	}

	@Test
	void twoCandidatesOfTheSameShapeAreAmbiguousSoTheyAreDroppedAndAddedWithANote() {
		Table before = table("bulletin").columns(column("title", "text"), column("subtitle", "text")).build();
		Table after = table("bulletin").columns(column("headline", "text")).build();

		List<Operation> operations = this.differ.diff(schema(before), schema(after));

		assertThat(described(operations)).containsExactly("add column bulletin.headline", "drop column bulletin.title",
				"drop column bulletin.subtitle");
		assertThat(((AddColumn) operations.get(0)).note()).startsWith("not proposed as a rename: bulletin.headline has the"
				+ " same type, nullability and default as bulletin.subtitle and bulletin.title, which are dropped");
		assertThat(((DropColumn) operations.get(1)).note()).startsWith("not proposed as a rename: bulletin.title");
	}

	@Test
	void anExplicitRenameAppliesEvenWhenTheShapesDiffer() {
		Table before = table("bulletin").columns(column("title", "character varying(100)")).build();
		Table after = table("bulletin").columns(notNull("headline", "character varying(200)")).build();

		List<Operation> operations = this.differ.diff(schema(before), schema(after),
				DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD).withRenames(Map.of("bulletin.title", "headline")));

		assertThat(operations).containsExactly(new RenameColumn("bulletin", "title", "headline"),
				new AlterColumn("bulletin", "headline", column("headline", "character varying(100)"),
						notNull("headline", "character varying(200)")));
	}

	@Test
	void aColumnRenameOnATableNotOnBothSidesIsRefusedRatherThanLeftOut() {
		Table before = table("bulletin").columns(column("title", "text")).build();
		Table after = table("bulletin").columns(column("headline", "text")).build();
		Table added = table("notice").columns(column("body", "text")).build();

		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.differ.diff(schema(before), schema(after),
					DiffOptions.defaults().withRenames(Map.of("bulletins.title", "headline"))))
			.withMessage("Cannot rename column bulletins.title to headline: neither the database nor the entities have a"
					+ " table bulletins (or the table filter leaves it out). Check the rename bulletins.title=headline you"
					+ " passed (a column is named TABLE.COLUMN=NEW, the table as the database or the entities name it,"
					+ " without its schema).");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.differ.diff(schema(before), schema(after, added),
					DiffOptions.defaults().withRenames(Map.of("notice.text", "body"))))
			.withMessageStartingWith("Cannot rename column notice.text to body: the database has no table notice, so it is"
					+ " created.");
	}

	@Test
	void anExplicitRenameThatDoesNotFitSaysWhy() {
		Table before = table("bulletin").columns(column("title", "text")).build();
		Table after = table("bulletin").columns(column("headline", "text")).build();

		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.differ.diff(schema(before), schema(after),
					DiffOptions.defaults().withRenames(Map.of("bulletin.name", "headline"))))
			.withMessage("Cannot rename column bulletin.name to headline: the database has no column bulletin.name."
					+ " Check the rename bulletin.name=headline you passed, or leave it out to drop and add the column.");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.differ.diff(schema(before), schema(after),
					DiffOptions.defaults().withRenames(Map.of("news", "bulletin"))))
			.withMessageStartingWith("Cannot rename table news to bulletin: the database has no table news");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> DiffOptions.defaults().withRenames(Map.of("a.b.c", "d")))
			.withMessageContaining("write old_table=new_table for a table or table.old_column=new_column for a column");
	}

	@Test
	void renamingAColumnKeepsTheKeysIndexesAndChecksThatMentionIt() {
		Table before = table("bulletin").columns(notNull("code", "text"), column("status", "character varying(20)"))
			.primaryKey("bulletin_pkey", "code")
			.index(index("bulletin_status_idx", "status", "lower(code)"))
			.check("bulletin_status_check",
					"((status)::text = ANY ((ARRAY['DRAFT'::character varying, 'LIVE'::character varying])::text[]))")
			.build();
		Table after = table("bulletin").columns(notNull("ref", "text"), column("state", "character varying(20)"))
			.primaryKey("bulletin_pkey", "ref")
			.index(index("bulletin_status_idx", "state", "lower(ref)"))
			.check("bulletin_state_check",
					"((state)::text = ANY ((ARRAY['DRAFT'::character varying, 'LIVE'::character varying])::text[]))")
			.build();

		List<Operation> operations = this.differ.diff(schema(before), schema(after), DiffOptions.defaults()
			.withRename(DiffOptions.Rename.column("bulletin", "code", "ref"))
			.withRename(DiffOptions.Rename.column("bulletin", "status", "state")));

		assertThat(described(operations)).containsExactly("rename column bulletin.code to ref",
				"rename column bulletin.status to state");
	}

	@Test
	void aDroppedAndAnAddedTableWithTheSameColumnsAreProposedAsARename() {
		Table news = table("news").columns(identity("id", "bigint"), column("body", "text"))
			.primaryKey("news_pkey", "id")
			.build();
		Table bulletin = table("bulletin").columns(identity("id", "bigint"), column("body", "text"))
			.primaryKey("bulletin_pkey", "id")
			.build();
		Table comment = table("comment").columns(column("news_id", "bigint"))
			.foreignKey(foreignKey("comment_news_id_fkey", "news_id", "news", "id"))
			.build();
		Table commentWanted = table("comment").columns(column("news_id", "bigint"))
			.foreignKey(foreignKey("fk1a2s3d4f5g6h7j8k9l0", "news_id", "bulletin", "id"))
			.build();

		List<Operation> operations = this.differ.diff(schema(comment, news), schema(bulletin, commentWanted));

		// the key named after the old table follows it; the foreign key's name does not embed it, so it stays
		assertThat(described(operations)).containsExactly("rename table news to bulletin",
				"rename constraint news_pkey of bulletin to bulletin_pkey");
		RenameTable rename = (RenameTable) operations.get(0);
		assertThat(rename.from()).isEqualTo("news");
		assertThat(rename.to()).isEqualTo("bulletin");
		assertThat(described(rename.alternative())).containsExactly("drop table news", "create table bulletin");
	}

	@Test
	void tableRenamesAreNotGuessedWhenAmbiguous() {
		Table news = table("news").columns(column("body", "text")).build();
		Table notes = table("notes").columns(column("body", "text")).build();
		Table bulletin = table("bulletin").columns(column("body", "text")).build();

		List<Operation> operations = this.differ.diff(schema(news, notes), schema(bulletin));

		assertThat(described(operations)).containsExactly("create table bulletin", "drop table news", "drop table notes");
		assertThat(((CreateTable) operations.get(0)).note()).contains("same columns as news and notes");
	}

	@Test
	void aNewEnumTypeIsCreatedBeforeTheTableThatUsesItAndAnExistingOneIsReused() {
		Table bulletin = table("bulletin").columns(column("status", "status")).build();
		Table deal = table("deal").columns(column("currency", "dealcurrency")).build();
		SchemaModel database = schema(List.of(bulletin), List.of(), List.of(enumType("status", "DRAFT", "LIVE")));
		SchemaModel entities = schema(List.of(bulletin, deal), List.of(),
				List.of(enumType("dealcurrency", "AED", "EUR", "USD"), enumType("status", "DRAFT", "LIVE")));

		assertThat(described(this.differ.diff(database, entities))).containsExactly("create enum type dealcurrency",
				"create table deal");

		Table event = table("event").columns(column("status", "status")).build();
		SchemaModel reusing = schema(List.of(bulletin, event), List.of(), List.of(enumType("status", "DRAFT", "LIVE")));
		assertThat(described(this.differ.diff(database, reusing))).containsExactly("create table event");
	}

	@Test
	void appendedAndInsertedEnumLabelsAreAddedInPlace() {
		Table deal = table("deal").columns(column("currency", "dealcurrency", true, "'USD'::dealcurrency")).build();
		SchemaModel database = schema(List.of(deal), List.of(), List.of(enumType("dealcurrency", "USD", "EUR", "GBP")));
		SchemaModel entities = schema(List.of(deal), List.of(),
				List.of(enumType("dealcurrency", "AED", "USD", "EUR", "CHF", "GBP", "BTC", "ETH")));

		List<Operation> operations = this.differ.diff(database, entities);

		assertThat(described(operations)).containsExactly("add value 'AED' to enum type dealcurrency",
				"add value 'CHF' to enum type dealcurrency", "add value 'BTC' to enum type dealcurrency",
				"add value 'ETH' to enum type dealcurrency");
		AddEnumValue aed = (AddEnumValue) operations.get(0);
		AddEnumValue chf = (AddEnumValue) operations.get(1);
		AddEnumValue btc = (AddEnumValue) operations.get(2);
		assertThat(aed.before()).isEqualTo("USD");
		assertThat(chf.after()).isEqualTo("EUR");
		assertThat(btc.before()).isNull();
		assertThat(btc.after()).isNull();
		assertThat(btc.usages()).containsExactly(new EnumUsage("deal", "currency", false, "'USD'::dealcurrency"));
		assertThat(this.differ.describe(operations)).containsExactly(new Difference("ENUM_VALUES", "dealcurrency",
				"dealcurrency: database has (USD, EUR, GBP), entities want (AED, USD, EUR, CHF, GBP, BTC, ETH)"));
	}

	@Test
	void removedOrReorderedEnumLabelsRecreateTheTypeWithEveryColumnThatUsesIt() {
		Table deal = table("deal").columns(column("currency", "dealcurrency", true, "'USD'::dealcurrency"),
				column("accepted", "dealcurrency[]"))
			.build();
		Table legacy = table("legacy_deal").columns(column("currency", "dealcurrency")).build();
		SchemaModel database = schema(List.of(deal, legacy), List.of(), List.of(enumType("dealcurrency", "USD", "EUR", "GBP")));
		DiffOptions onlyDeal = DiffOptions.defaults().includeTables((name) -> name.equals("deal"));
		List<EnumUsage> usages = List.of(new EnumUsage("deal", "currency", false, "'USD'::dealcurrency"),
				new EnumUsage("deal", "accepted", true, null), new EnumUsage("legacy_deal", "currency", false, null));

		SchemaModel removed = schema(List.of(deal), List.of(), List.of(enumType("dealcurrency", "USD", "EUR")));
		assertThat(this.differ.diff(database, removed, onlyDeal)).containsExactly(
				new RecreateEnumType("dealcurrency", List.of("USD", "EUR", "GBP"), List.of("USD", "EUR"), usages));

		SchemaModel reordered = schema(List.of(deal), List.of(), List.of(enumType("dealcurrency", "EUR", "GBP", "USD")));
		assertThat(this.differ.diff(database, reordered, onlyDeal)).containsExactly(
				new RecreateEnumType("dealcurrency", List.of("USD", "EUR", "GBP"), List.of("EUR", "GBP", "USD"), usages));
	}

	@Test
	void aLabelReplacedInItsPlaceIsRenamedAndADefaultNamingItFollowsUnlessRenamesAreNotGuessed() {
		List<dev.migrations.schema.EnumType> before = List.of(enumType("dealcurrency", "USD", "GBP", "EUR"));
		List<dev.migrations.schema.EnumType> after = List.of(enumType("dealcurrency", "USD", "GBX", "EUR"));
		SchemaModel database = schema(List.of(table("deal").columns(column("currency", "dealcurrency", true,
				"'GBP'::dealcurrency")).build()), List.of(), before);
		SchemaModel entities = schema(List.of(table("deal").columns(column("currency", "dealcurrency", true,
				"'GBX'::dealcurrency")).build()), List.of(), after);
		List<EnumUsage> usages = List.of(new EnumUsage("deal", "currency", false, "'GBP'::dealcurrency"));
		RecreateEnumType swap = new RecreateEnumType("dealcurrency", List.of("USD", "GBP", "EUR"),
				List.of("USD", "GBX", "EUR"), usages);

		assertThat(this.differ.diff(database, entities)).containsExactly(new Operation.RenameEnumValue("dealcurrency",
				"GBP", "GBX", List.of("USD", "GBP", "EUR"), List.of("USD", "GBX", "EUR"), swap));
		// not guessed: the swap, which sets the new default once the type has its label
		assertThat(this.differ.diff(database, entities, DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD)))
			.containsExactly(new RecreateEnumType("dealcurrency", List.of("USD", "GBP", "EUR"), List.of("USD", "GBX", "EUR"),
					List.of(new EnumUsage("deal", "currency", false, "'GBP'::dealcurrency", "'GBX'::dealcurrency"))));
		// two labels changed, or one moved: no guess
		assertThat(described(this.differ.diff(database, schema(List.of(table("deal").columns(column("currency",
				"dealcurrency", true, "'GBP'::dealcurrency")).build()), List.of(),
				List.of(enumType("dealcurrency", "AUD", "GBP", "CHF"))))))
			.containsExactly("recreate enum type dealcurrency with values (AUD, GBP, CHF)");
	}

	@Test
	void aLabelRenameAskedForAppliesInEveryModeAndTheTypesOtherChangesFollowIt() {
		Table deal = table("deal").columns(column("currency", "dealcurrency", true, "'GBP'::dealcurrency")).build();
		SchemaModel database = schema(List.of(deal), List.of(), List.of(enumType("dealcurrency", "USD", "GBP", "EUR")));
		// GBP became GBX and EUR went: the rename first, then the swap without EUR, its default naming GBX
		SchemaModel entities = schema(List.of(table("deal").columns(column("currency", "dealcurrency", true,
				"'GBX'::dealcurrency")).build()), List.of(), List.of(enumType("dealcurrency", "USD", "GBX")));
		DiffOptions asked = DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD)
			.withRenames(Map.of("dealcurrency:GBP", "GBX"));

		assertThat(this.differ.diff(database, entities, asked)).containsExactly(
				new Operation.RenameEnumValue("dealcurrency", "GBP", "GBX", List.of("USD", "GBP", "EUR"),
						List.of("USD", "GBX", "EUR"), null),
				new RecreateEnumType("dealcurrency", List.of("USD", "GBX", "EUR"), List.of("USD", "GBX"),
						List.of(new EnumUsage("deal", "currency", false, "'GBX'::dealcurrency"))));
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.differ.diff(database, entities, asked.withRenames(Map.of("dealcurrency:EUR", "CHF"))))
			.withMessage("Cannot rename label 'EUR' of enum type dealcurrency to 'CHF': another label of dealcurrency is"
					+ " renamed too; rename one label per revision. Check the rename dealcurrency:EUR=CHF you passed, or"
					+ " leave it out to recreate the type.");
		assertThatExceptionOfType(MigrationsException.class)
			.isThrownBy(() -> this.differ.diff(database, entities,
					DiffOptions.defaults().withRenames(Map.of("dealcurrency:GBP", "CHF"))))
			.withMessage("Cannot rename label 'GBP' of enum type dealcurrency to 'CHF': the entities' dealcurrency has no"
					+ " label 'CHF' (it has USD, GBX). Check the rename dealcurrency:GBP=CHF you passed, or leave it out to"
					+ " recreate the type.");
	}

	@Test
	void theLiveTypesCastsTravelWithItsLabelChangesAndAreNoDifferenceOnTheirOwn() {
		Table deal = table("deal").columns(column("currency", "dealcurrency")).build();
		List<EnumCast> casts = List.of(new EnumCast("character varying", true, EnumCast.Context.IMPLICIT));
		SchemaModel database = schema(List.of(deal), List.of(),
				List.of(new EnumType("dealcurrency", List.of("USD", "EUR"), casts)));
		List<EnumUsage> usages = List.of(new EnumUsage("deal", "currency", false, null));

		assertThat(this.differ.diff(database, schema(List.of(deal), List.of(), List.of(enumType("dealcurrency", "USD", "EUR")))))
			.isEmpty();
		assertThat(this.differ.diff(database, schema(List.of(deal), List.of(), List.of(enumType("dealcurrency", "EUR")))))
			.containsExactly(new RecreateEnumType("dealcurrency", List.of("USD", "EUR"), List.of("EUR"), usages, casts));
		assertThat(this.differ.diff(database,
				schema(List.of(deal), List.of(), List.of(enumType("dealcurrency", "USD", "EUR", "BTC")))))
			.containsExactly(new AddEnumValue("dealcurrency", "BTC", List.of("USD", "EUR"), List.of("USD", "EUR", "BTC"),
					usages, casts));
	}

	@Test
	void anEnumTypeNoColumnUsesIsDroppedAfterTheColumnsChangeUnlessAFilteredTableStillUsesIt() {
		Table before = table("deal").columns(column("currency", "dealcurrency")).build();
		Table after = table("deal").columns(column("currency", "character varying(3)")).build();
		Table other = table("other_app").columns(column("currency", "dealcurrency")).build();
		List<dev.migrations.schema.EnumType> types = List.of(enumType("dealcurrency", "USD", "EUR"));

		assertThat(described(this.differ.diff(schema(List.of(before), List.of(), types), schema(after))))
			.containsExactly("alter column deal.currency (type dealcurrency -> character varying(3))",
					"drop enum type dealcurrency");
		assertThat(described(this.differ.diff(schema(List.of(before, other), List.of(), types), schema(after),
				DiffOptions.defaults().includeTables((name) -> !name.equals("other_app")))))
			.containsExactly("alter column deal.currency (type dealcurrency -> character varying(3))");
	}

	@Test
	void sequencesAreCreatedAlteredAndDroppedWithinTheirFilter() {
		SchemaModel database = schema(List.of(), List.of(sequence("bulletin_seq", 1), sequence("old_seq", 1),
				sequence("flyway_seq", 1)), List.of());
		SchemaModel entities = schema(List.of(), List.of(sequence("bulletin_seq", 50), sequence("comment_seq", 50)), List.of());

		List<Operation> operations = this.differ.diff(database, entities,
				DiffOptions.defaults().includeSequences((name) -> !name.startsWith("flyway")));

		assertThat(described(operations)).containsExactly("alter sequence bulletin_seq", "create sequence comment_seq",
				"drop sequence old_seq");
		assertThat(this.differ.describe(operations).get(0).detail())
			.isEqualTo("bulletin_seq: database has increment 1, entities want increment 50");
	}

	@Test
	void aDroppedAndACreatedSequenceOfTheSameDefinitionAreProposedAsARenameThatKeepsTheValue() {
		Table memo = table("memo").columns(notNull("id", "bigint"), column("body", "text")).primaryKey("memo_pkey", "id").build();
		Table note = table("note").columns(notNull("id", "bigint"), column("body", "text")).primaryKey("note_pkey", "id").build();
		SchemaModel database = schema(List.of(memo), List.of(sequence("memo_seq", 50), sequence("audit_seq", 1)), List.of());
		SchemaModel entities = schema(List.of(note), List.of(sequence("note_seq", 50), sequence("log_seq", 5)), List.of());

		List<Operation> operations = this.differ.diff(database, entities);

		assertThat(described(operations)).containsExactly("rename sequence memo_seq to note_seq", "create sequence log_seq",
				"rename table memo to note", "rename constraint memo_pkey of note to note_pkey", "drop sequence audit_seq");
		assertThat(operations.get(0)).isEqualTo(new RenameSequence("memo_seq", "note_seq",
				List.of(new DropSequence(sequence("memo_seq", 50)), new CreateSequence(sequence("note_seq", 50)))));
		assertThat(this.differ.describe(operations).get(0).detail())
			.isEqualTo("the database has sequence memo_seq where the entities want note_seq (same definition: probably renamed)");
	}

	@Test
	void sequencesOfTheSameDefinitionAreNotRenamedWhenTheMatchIsAmbiguous() {
		SchemaModel database = schema(List.of(), List.of(sequence("a_seq", 50), sequence("b_seq", 50)), List.of());
		SchemaModel entities = schema(List.of(), List.of(sequence("c_seq", 50)), List.of());

		assertThat(described(this.differ.diff(database, entities))).containsExactly("create sequence c_seq",
				"drop sequence a_seq", "drop sequence b_seq");
	}

	@Test
	void withoutProposedRenamesOnlyASequenceNamedAfterAnExplicitlyRenamedTableFollowsIt() {
		Table memo = table("memo").columns(notNull("id", "bigint")).build();
		Table note = table("note").columns(notNull("id", "bigint"), column("body", "text")).build();
		SchemaModel database = schema(List.of(memo), List.of(sequence("memo_seq", 50), sequence("old_seq", 1)), List.of());
		SchemaModel entities = schema(List.of(note), List.of(sequence("note_seq", 50), sequence("new_seq", 1)), List.of());
		DiffOptions dropAndAdd = DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD);

		assertThat(described(this.differ.diff(database, entities, dropAndAdd))).containsExactly("create sequence note_seq",
				"create sequence new_seq", "create table note", "drop table memo", "drop sequence memo_seq",
				"drop sequence old_seq");
		assertThat(described(this.differ.diff(database, entities, dropAndAdd.withRename(DiffOptions.Rename.table("memo", "note")))))
			.containsExactly("rename sequence memo_seq to note_seq", "create sequence new_seq", "rename table memo to note",
					"add column note.body", "drop sequence old_seq");
	}

	@Test
	void commentsAreSetAndRemoved() {
		Table before = table("bulletin").columns(new Column("title", "text", true, null, null, "old")).comment("News").build();
		Table after = table("bulletin").columns(column("title", "text")).comment("Bulletins").build();

		assertThat(this.differ.diff(schema(before), schema(after))).containsExactly(
				new Operation.SetColumnComment("bulletin", "title", "old", null),
				new Operation.SetTableComment("bulletin", "News", "Bulletins"));
	}

	@Test
	void tablesTheFilterLeavesOutAreNeverTouched() {
		Table versions = table("migrations_version").columns(column("revision", "text")).build();
		Table changed = table("migrations_version").columns(column("revision", "integer")).build();
		DiffOptions options = DiffOptions.defaults().includeTables((name) -> !name.startsWith("migrations_"));

		assertThat(this.differ.diff(schema(versions), schema(), options)).isEmpty();
		assertThat(this.differ.diff(schema(), schema(changed), options)).isEmpty();
		assertThat(this.differ.diff(schema(versions), schema(changed), options)).isEmpty();
	}

	@Test
	void operationsComeInAnOrderThatRuns() {
		Table oldParent = table("old_parent").columns(identity("id", "bigint")).primaryKey("old_parent_pkey", "id").build();
		Table child = table("child")
			.columns(identity("id", "bigint"), column("old_parent_id", "bigint"), column("flag", "boolean"),
					column("mood", "mood"))
			.primaryKey("child_pkey", "id")
			.index(index("child_flag_idx", "flag"))
			.foreignKey(foreignKey("child_old_parent_id_fkey", "old_parent_id", "old_parent", "id"))
			.build();
		Table parent = table("parent").columns(identity("id", "bigint"), column("code", "text"))
			.primaryKey("parent_pkey", "id")
			.build();
		Table childWanted = table("child")
			.columns(identity("id", "bigint"), column("parent_id", "bigint"), column("mood", "mood", true, "'happy'::mood"))
			.primaryKey("child_pkey", "id")
			.index(index("ix", "parent_id"))
			.foreignKey(foreignKey("fk", "parent_id", "parent", "id"))
			.build();
		SchemaModel database = schema(List.of(child, oldParent), List.of(sequence("old_seq", 1)),
				List.of(enumType("mood", "sad"), enumType("unused", "x")));
		SchemaModel entities = schema(List.of(childWanted, parent), List.of(sequence("new_seq", 1)),
				List.of(enumType("mood", "sad", "happy")));

		List<Operation> operations = this.differ.diff(database, entities,
				DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD));

		assertThat(described(operations)).containsExactly(
				"drop foreign key child_old_parent_id_fkey on child(old_parent_id) -> old_parent(id)",
				"drop index child_flag_idx on child(flag)", "create sequence new_seq",
				"add value 'happy' to enum type mood", "create table parent", "add column child.parent_id",
				"alter column child.mood (default 'happy'::mood)", "drop column child.old_parent_id",
				"drop column child.flag", "drop table old_parent", "create index ix on child(parent_id)",
				"add foreign key child(parent_id) -> parent(id)", "drop sequence old_seq", "drop enum type unused");
	}

	@Test
	void everyOperationReversedTwiceIsItself() {
		Table table = table("t").columns(identity("id", "bigint")).primaryKey("t_pkey", "id").build();
		Column column = column("c", "text");
		List<EnumUsage> usages = List.of(new EnumUsage("t", "m", false, "'a'::m"));
		dev.migrations.schema.View view = new dev.migrations.schema.View("v", false, "CREATE VIEW v AS SELECT c FROM t",
				List.of(), java.util.Set.of("t.c"));
		List<Operation> all = List.of(new CreateTable(table), new DropTable(table, "note"),
				new RenameTable("a", "b", List.of(new DropTable(table), new CreateTable(table))),
				new AddColumn("t", column), new DropColumn("t", column),
				new AlterColumn("t", "c", column, notNull("c", "integer")), new RenameColumn("t", "a", "b"),
				new Operation.AddPrimaryKey("t", table.primaryKey()), new Operation.DropPrimaryKey("t", table.primaryKey()),
				new Operation.AddUnique("t", new dev.migrations.schema.UniqueConstraint("u", List.of("c"))),
				new Operation.DropUnique("t", new dev.migrations.schema.UniqueConstraint("u", List.of("c"))),
				new Operation.CreateIndex("t", index("i", "c")), new Operation.DropIndex("t", index("i", "c")),
				new AddForeignKey("t", foreignKey("f", "c", "u", "id")),
				new Operation.DropForeignKey("t", foreignKey("f", "c", "u", "id")),
				new Operation.AddCheck("t", new CheckConstraint("k", "(c <> '')")),
				new Operation.DropCheck("t", new CheckConstraint("k", "(c <> '')")),
				new Operation.CreateSequence(sequence("s", 1)), new Operation.DropSequence(sequence("s", 1)),
				new Operation.AlterSequence(sequence("s", 1), sequence("s", 50)),
				new RenameSequence("a", "b", List.of(new DropSequence(sequence("a", 1)), new CreateSequence(sequence("b", 1)))),
				new Operation.RenameConstraint("t", "a_pkey", "t_pkey", false),
				new Operation.CreateEnumType(enumType("m", "a")), new Operation.DropEnumType(enumType("m", "a")),
				new AddEnumValue("m", "b", List.of("a"), List.of("a", "b"), usages),
				new Operation.DropEnumValue("m", "b", List.of("a", "b"), List.of("a"), usages),
				new RecreateEnumType("m", List.of("a", "b"), List.of("b"), usages),
				new Operation.RenameEnumValue("m", "a", "c", List.of("a", "b"), List.of("c", "b"),
						new RecreateEnumType("m", List.of("a", "b"), List.of("c", "b"), usages)),
				new Operation.SetTableComment("t", null, "x"), new Operation.SetColumnComment("t", "c", "x", null),
				new Operation.DropView(view), new Operation.CreateView(view));

		assertThat(Operation.class.getPermittedSubclasses()).hasSize(all.size());
		for (Operation operation : all) {
			assertThat(operation.reverse()).as(operation.describe()).isNotEqualTo(operation);
			assertThat(operation.reverse().reverse()).as(operation.describe()).isEqualTo(operation);
		}
		assertThat(new AddEnumValue("m", "b", List.of("a"), List.of("a", "b"), usages).reverse())
			.isEqualTo(new Operation.DropEnumValue("m", "b", List.of("a", "b"), List.of("a"), usages));
	}

	@Test
	void theReverseOfADiffIsTheDiffTheOtherWay() {
		Table authorV2 = table("author").columns(identity("id", "bigint"), notNull("name", "character varying(100)"),
				column("bio", "text"))
			.primaryKey("author_pkey", "id")
			.unique("author_name_key", "name")
			.build();
		Table post = table("post").columns(identity("id", "bigint"), column("author_id", "bigint"))
			.primaryKey("post_pkey", "id")
			.index(index("post_author_id_idx", "author_id"))
			.foreignKey(foreignKey("post_author_id_fkey", "author_id", "author", "id"))
			.check("post_id_check", "(id > 0)")
			.build();
		SchemaModel a = schema(List.of(AUTHOR), List.of(sequence("s", 1)), List.of(enumType("mood", "a", "b")));
		SchemaModel b = schema(List.of(authorV2, post), List.of(), List.of(enumType("mood", "b", "a")));

		List<Operation> forward = this.differ.diff(a, b, DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD));
		List<Operation> backward = this.differ.diff(b, a, DiffOptions.defaults().withRenameMode(RenameMode.DROP_AND_ADD));

		assertThat(Operation.reverse(forward)).containsExactlyInAnyOrderElementsOf(backward);
	}

	@Test
	void explicitTableRenameKeepsComparingTheRenamedTable() {
		Table news = table("news").columns(identity("id", "bigint"), column("body", "text")).build();
		Table bulletin = table("bulletin").columns(identity("id", "bigint"), column("body", "text"),
				column("status", "text")).build();

		List<Operation> operations = this.differ.diff(schema(news), schema(bulletin),
				DiffOptions.defaults().withRenames(Map.of("news", "bulletin")));

		assertThat(described(operations)).containsExactly("rename table news to bulletin", "add column bulletin.status");
	}


	@Test
	void differencesAreWordedFromTheDatabasesSide() {
		Table before = table("bulletin").columns(column("status", "character varying(20)")).build();
		Table after = table("bulletin").columns(column("status", "character varying(50)"))
			.index(index("idx1q2w3e4r5t6y7u8i9o0p1a2s3", "status"))
			.build();
		Table legacy = table("legacy").columns(column("x", "integer")).build();
		Table comment = table("comment").columns(column("body", "text"), column("at", "date")).build();

		assertThat(this.differ.differences(schema(before, legacy), schema(after, comment), DiffOptions.defaults()))
			.containsExactly(new Difference("TABLE_MISSING", "comment", "the database has no table comment"),
					new Difference("COLUMN_TYPE", "bulletin.status",
							"bulletin.status: database has character varying(20), entities want character varying(50)"),
					new Difference("TABLE_EXTRA", "legacy", "the database has table legacy, which no entity maps"),
					new Difference("INDEX_MISSING", "bulletin(status)", "bulletin: the database lacks index ix_bulletin_status on (status)"));
	}

	@Test
	void theForeignKeysOfAMissingOrExtraTableArePartOfThatDifference() {
		Table ticket = table("ticket").columns(notNull("id", "bigint")).primaryKey("ticket_pkey", "id").build();
		Table legacy = table("legacy_queue").columns(column("ticket_id", "bigint"))
			.foreignKey(foreignKey("legacy_queue_ticket_id_fkey", "ticket_id", "ticket", "id"))
			.build();
		Table note = table("note").columns(column("ticket_id", "bigint"), column("body", "text"))
			.foreignKey(foreignKey("FKq2w3e4r5t6y7u8i9o0p1a2s3d4", "ticket_id", "ticket", "id"))
			.build();

		assertThat(this.differ.differences(schema(ticket, legacy), schema(ticket, note), DiffOptions.defaults()))
			.extracting(Difference::kind, Difference::object)
			.containsExactly(tuple("TABLE_MISSING", "note"), tuple("TABLE_EXTRA", "legacy_queue"));
	}

	@Test
	void theScratchSchemaOfTheEntitiesIsNoDifference() {
		Table post = table("post").columns(column("author_id", "bigint"), column("mood", "mood[]"))
			.foreignKey(foreignKey("post_author_id_fkey", "author_id", "author", "id"))
			.build();
		Table postInScratch = table("post").columns(column("author_id", "bigint"), column("mood", "mood[]"))
			.foreignKey(new ForeignKey("fk", List.of("author_id"), "scratch_1", "author", List.of("id"),
					ForeignKey.Action.NO_ACTION, ForeignKey.Action.NO_ACTION))
			.build();
		SchemaModel database = schema(List.of(AUTHOR, post), List.of(), List.of(enumType("mood", "a")));
		SchemaModel entities = new SchemaModel("scratch_1", List.of(AUTHOR, postInScratch), List.of(),
				List.of(enumType("mood", "a")));

		assertThat(this.differ.diff(database, entities)).isEmpty();
	}

	/** PostgreSQL stores microseconds either way: timestamp and timestamp(6) are one type. */
	@Test
	void aTemporalTypeWithoutItsDefaultPrecisionIsTheSameType() {
		Table handWritten = table("shift").columns(notNull("starts_at", "timestamp without time zone"),
				column("opens_at", "time without time zone"), column("confirmed_at", "timestamp with time zone"),
				column("closes_at", "time with time zone"), column("history", "timestamp without time zone[]"),
				column("rounded", "timestamp(6) without time zone"))
			.build();
		Table hibernate = table("shift").columns(column("starts_at", "timestamp(6) without time zone"),
				column("opens_at", "time(6) without time zone"), column("confirmed_at", "timestamp(6) with time zone"),
				column("closes_at", "time(6) with time zone"), column("history", "timestamp(6) without time zone[]"),
				column("rounded", "timestamp(3) without time zone"))
			.build();

		List<Operation> operations = this.differ.diff(schema(handWritten), schema(hibernate));

		assertThat(described(operations)).containsExactly("alter column shift.starts_at (drop not null)",
				"alter column shift.rounded (type timestamp(6) without time zone -> timestamp(3) without time zone)");
		assertThat(((AlterColumn) operations.get(0)).typeChanged()).isFalse();
	}

	/** Where an existing sequence starts (Liquibase's START WITH 1050) is not drift; a new one keeps its start. */
	@Test
	void theStartOfAnExistingSequenceIsNotCompared() {
		Sequence liquibase = new Sequence("sequence_generator", "bigint", 1050, 50, 1, Long.MAX_VALUE, 1, false);
		Sequence hibernate = new Sequence("sequence_generator", "bigint", 1, 50, 1, Long.MAX_VALUE, 1, false);
		Sequence created = new Sequence("invoice_seq", "bigint", 1000, 50, 1, Long.MAX_VALUE, 1, false);

		assertThat(this.differ.diff(schema(List.of(), List.of(liquibase), List.of()),
				schema(List.of(), List.of(hibernate), List.of()))).isEmpty();
		assertThat(this.differ.diff(schema(List.of(), List.of(), List.of()), schema(List.of(), List.of(created), List.of())))
			.containsExactly(new CreateSequence(created));
		Sequence wider = new Sequence("sequence_generator", "bigint", 1, 10, 1, Long.MAX_VALUE, 1, false);
		assertThat(this.differ.differences(schema(List.of(), List.of(liquibase), List.of()),
				schema(List.of(), List.of(wider), List.of()), DiffOptions.defaults()))
			.extracting(Difference::detail)
			.containsExactly("sequence_generator: database has increment 50, entities want increment 10");
	}

	/** Liquibase's and Flyway's own tables are not extra tables, whatever their case; mapped by an entity, they are compared. */
	@Test
	void otherMigrationToolsTablesAreLeftAloneUnlessTheEntitiesMapThem() {
		Table changelog = table("databasechangelog").columns(notNull("id", "character varying(255)"),
				notNull("filename", "character varying(255)")).build();
		Table lock = table("DATABASECHANGELOGLOCK").columns(notNull("id", "integer")).primaryKey("pk", "id").build();
		Table flyway = table("flyway_schema_history").columns(notNull("installed_rank", "integer")).build();
		Table mapped = table("databasechangelog").columns(notNull("id", "character varying(255)")).build();

		assertThat(this.differ.diff(schema(AUTHOR, changelog, lock, flyway), schema(AUTHOR))).isEmpty();
		assertThat(described(this.differ.diff(schema(AUTHOR, changelog, lock, flyway), schema(AUTHOR, mapped))))
			.containsExactly("drop column databasechangelog.filename");
	}

	/** With extra indexes ignored, an index the entities do not declare stays, unless a column it is on goes. */
	@Test
	void extraIndexesAreLeftAloneWhenIgnoredUnlessTheirColumnGoes() {
		Table database = table("purchase_order").columns(notNull("id", "bigint"), column("customer_id", "bigint"),
				column("reference", "text"), column("placed", "date"))
			.primaryKey("purchase_order_pkey", "id")
			.index(index("ix_customer", "customer_id"))
			.index(index("ix_reference", "reference", "placed DESC"))
			.index(index("ix_placed", "placed DESC"))
			.index(new Index("ix_open", List.of("customer_id"), false, "btree", "reference IS NOT NULL", List.of()))
			.build();
		Table entities = table("purchase_order").columns(notNull("id", "bigint"), column("customer_id", "bigint"),
				column("placed", "date"))
			.primaryKey("purchase_order_pkey", "id")
			.build();

		assertThat(described(this.differ.diff(schema(database), schema(entities)))).containsExactly(
				"drop index ix_customer on purchase_order(customer_id)",
				"drop index ix_reference on purchase_order(reference, placed DESC)",
				"drop index ix_placed on purchase_order(placed DESC)", "drop index ix_open on purchase_order(customer_id)",
				"drop column purchase_order.reference");
		assertThat(described(this.differ.diff(schema(database), schema(entities),
				DiffOptions.defaults().withIgnoreExtraIndexes(true))))
			.containsExactly("drop index ix_reference on purchase_order(reference, placed DESC)",
					"drop index ix_open on purchase_order(customer_id)", "drop column purchase_order.reference");
	}

}
