package dev.migrations.render;

import static dev.migrations.diff.TestTables.column;
import static dev.migrations.diff.TestTables.foreignKey;
import static dev.migrations.diff.TestTables.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.migrations.diff.Operation;
import dev.migrations.diff.Operation.AddCheck;
import dev.migrations.diff.Operation.AddColumn;
import dev.migrations.diff.Operation.AddForeignKey;
import dev.migrations.diff.Operation.CreateTable;
import dev.migrations.schema.CheckConstraint;

/** How the online form's change step is cut into one revision per table that holds rows, and when it is not. */
class OnlineFormTablesTest {

	private final Operation newTable = new CreateTable(table("invoice").columns(column("customer_id", "bigint")).build(), null);

	private final Operation customerColumn = new AddColumn("customer", column("note", "text"), null);

	private final Operation orderCheck = new AddCheck("purchase_order", new CheckConstraint("amount_check", "amount >= 0"));

	private final Operation orderKey = new AddForeignKey("purchase_order",
			foreignKey("fk_order_customer", "customer_id", "customer", "id"));

	private final Operation invoiceKey = new AddForeignKey("invoice",
			foreignKey("fk_invoice_customer", "customer_id", "customer", "id"));

	@Test
	void tablesThatComeOneAfterAnotherAreCutWithWhatLocksNoneFirstAndKeysLast() {
		Map<String, List<Operation>> groups = OnlineForm.byExistingTable(
				List.of(this.newTable, this.customerColumn, this.invoiceKey, this.orderCheck, this.orderKey),
				Set.of("invoice"));

		assertThat(groups.keySet()).containsExactly("customer", "purchase_order");
		assertThat(groups.get("customer")).containsExactly(this.newTable, this.customerColumn, this.invoiceKey);
		assertThat(groups.get("purchase_order")).containsExactly(this.orderCheck, this.orderKey);
	}

	@Test
	void aTableComingUpAgainAfterAnotherKeepsTheChangeInOneRevision() {
		Operation customerCheck = new AddCheck("customer", new CheckConstraint("note_check", "note <> ''"));
		List<Operation> change = List.of(this.customerColumn, this.orderCheck, customerCheck);

		assertThat(OnlineForm.byExistingTable(change, Set.of())).hasSize(1).containsValue(change);
	}

}
