package dev.migrations.autogenerate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.diff.Operation;
import dev.migrations.diff.Operation.CreateIndex;
import dev.migrations.diff.Operation.CreateTable;
import dev.migrations.diff.Operation.DropIndex;
import dev.migrations.render.OnlineForm;
import dev.migrations.render.PostgresRenderer;
import dev.migrations.render.RenderedStatement;
import dev.migrations.schema.SchemaModel;

import static dev.migrations.diff.TestTables.column;
import static dev.migrations.diff.TestTables.index;
import static dev.migrations.diff.TestTables.schema;
import static dev.migrations.diff.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

/** A new index whose name another relation of the schema holds fails loudly instead of skipping or dropping that one. */
class TakenIndexNamesTest {

	private final SchemaModel database = schema(table("purchase_order").columns(column("placed", "date"))
		.index(index("ix_order_placed", "placed")).build(), table("ticket").columns(column("title", "text")).build());

	@Test
	void anIndexOfATakenNameIsMarkedAndWarnedAbout() {
		List<String> warnings = new ArrayList<>();
		List<Operation> operations = Autogenerator.withTakenNames(this.database,
				List.of(new CreateIndex("ticket", index("ix_order_placed", "title")),
						new CreateIndex("ticket", index("ix_ticket_title", "title"))),
				warnings);
		assertThat(operations).containsExactly(new CreateIndex("ticket", index("ix_order_placed", "title"), true),
				new CreateIndex("ticket", index("ix_ticket_title", "title")));
		assertThat(warnings).singleElement().asString().contains("index ix_order_placed of table ticket")
			.contains("an index of purchase_order (placed)");
	}

	@Test
	void aNameTheChangeFreesFirstIsNotTaken() {
		List<String> warnings = new ArrayList<>();
		List<Operation> change = List.of(new DropIndex("purchase_order", index("ix_order_placed", "placed")),
				new CreateIndex("ticket", index("ix_order_placed", "title")));
		assertThat(Autogenerator.withTakenNames(this.database, change, warnings)).isEqualTo(change);
		assertThat(warnings).isEmpty();
	}

	@Test
	void aNewTablesIndexOfATakenNameIsCreatedOnItsOwn() {
		List<String> warnings = new ArrayList<>();
		List<Operation> operations = Autogenerator.withTakenNames(this.database,
				List.of(new CreateTable(table("note").columns(column("body", "text"))
					.index(index("ix_order_placed", "body")).build())),
				warnings);
		assertThat(operations).containsExactly(new CreateTable(table("note").columns(column("body", "text")).build()),
				new CreateIndex("note", index("ix_order_placed", "body"), true));
		assertThat(warnings).hasSize(1);
	}

	@Test
	void itIsCreatedAndDroppedWithoutIfExistsFormsAndTheOnlineFormDropsNoLeftoverOfThatName() {
		PostgresRenderer renderer = new PostgresRenderer();
		List<Operation> change = List.of(new CreateIndex("ticket", index("ix_order_placed", "title"), true));
		assertThat(renderer.render(change)).extracting(RenderedStatement::sql)
			.containsExactly("CREATE INDEX ix_order_placed ON ticket (title)");
		assertThat(renderer.renderDowngrade(change)).extracting(RenderedStatement::sql)
			.containsExactly("DROP INDEX ix_order_placed");
		assertThat(new OnlineForm(Duration.ofSeconds(5)).steps(change)).flatExtracting(OnlineForm.Step::upgrade)
			.extracting(RenderedStatement::sql)
			.noneMatch((sql) -> sql.contains("DROP INDEX"))
			.contains("CREATE INDEX CONCURRENTLY ix_order_placed ON ticket (title)");
	}

}
