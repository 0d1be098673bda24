package dev.migrations.diff;

/**
 * One method per {@link Operation}, without defaults: adding an operation breaks the compilation of
 * every visitor (renderers, describers) until it handles the new one. This is how the closed family
 * gets an exhaustive "switch" on Java 17.
 *
 * @param <R> what visiting an operation yields
 */
public interface OperationVisitor<R> {

	R visitCreateTable(Operation.CreateTable createTable);

	R visitDropTable(Operation.DropTable dropTable);

	R visitRenameTable(Operation.RenameTable renameTable);

	R visitAddColumn(Operation.AddColumn addColumn);

	R visitDropColumn(Operation.DropColumn dropColumn);

	R visitAlterColumn(Operation.AlterColumn alterColumn);

	R visitRenameColumn(Operation.RenameColumn renameColumn);

	R visitAddPrimaryKey(Operation.AddPrimaryKey addPrimaryKey);

	R visitDropPrimaryKey(Operation.DropPrimaryKey dropPrimaryKey);

	R visitAddUnique(Operation.AddUnique addUnique);

	R visitDropUnique(Operation.DropUnique dropUnique);

	R visitCreateIndex(Operation.CreateIndex createIndex);

	R visitDropIndex(Operation.DropIndex dropIndex);

	R visitAddForeignKey(Operation.AddForeignKey addForeignKey);

	R visitDropForeignKey(Operation.DropForeignKey dropForeignKey);

	R visitAddCheck(Operation.AddCheck addCheck);

	R visitDropCheck(Operation.DropCheck dropCheck);

	R visitCreateSequence(Operation.CreateSequence createSequence);

	R visitDropSequence(Operation.DropSequence dropSequence);

	R visitAlterSequence(Operation.AlterSequence alterSequence);

	R visitRenameSequence(Operation.RenameSequence renameSequence);

	R visitRenameConstraint(Operation.RenameConstraint renameConstraint);

	R visitCreateEnumType(Operation.CreateEnumType createEnumType);

	R visitDropEnumType(Operation.DropEnumType dropEnumType);

	R visitAddEnumValue(Operation.AddEnumValue addEnumValue);

	R visitDropEnumValue(Operation.DropEnumValue dropEnumValue);

	R visitRecreateEnumType(Operation.RecreateEnumType recreateEnumType);

	R visitRenameEnumValue(Operation.RenameEnumValue renameEnumValue);

	R visitSetTableComment(Operation.SetTableComment setTableComment);

	R visitSetColumnComment(Operation.SetColumnComment setColumnComment);

	R visitDropView(Operation.DropView dropView);

	R visitCreateView(Operation.CreateView createView);

}
