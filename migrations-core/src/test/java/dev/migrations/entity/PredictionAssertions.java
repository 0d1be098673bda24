package dev.migrations.entity;

import java.sql.Connection;
import java.util.Map;
import java.util.Set;

import dev.migrations.introspect.PostgresIntrospector;
import dev.migrations.schema.SchemaModel;
import dev.migrations.schema.Sequence;
import dev.migrations.schema.Table;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds {@link PostgresDdlPrediction} against the server: every table and sequence it predicts must
 * be exactly what the introspector reads after running all of the DDL in a scratch schema.
 */
public final class PredictionAssertions {

	private PredictionAssertions() {
	}

	/**
	 * Materializes the whole model and compares each prediction with what the server made.
	 * @param connection a connection to a PostgreSQL database
	 * @param model the entity model
	 * @return the prediction, for further assertions
	 */
	public static PostgresDdlPrediction assertPredictionsMatchTheServer(Connection connection, EntityModel model) {
		PostgresDdlPrediction prediction = PostgresDdlPrediction.of(model);
		SchemaModel materialized = PostgresScratchSchema.materialize(connection, model,
				(c, schema) -> new PostgresIntrospector().introspect(c, schema, (table) -> true));
		for (Map.Entry<String, Table> predicted : prediction.tables().entrySet()) {
			assertThat(materialized.table(predicted.getKey()))
				.as("the server's table %s for the DDL%n%s", predicted.getKey(), String.join("\n", model.createStatements()))
				.contains(predicted.getValue());
		}
		for (Map.Entry<String, Sequence> predicted : prediction.sequences().entrySet()) {
			assertThat(materialized.sequence(predicted.getKey())).as("the server's sequence %s", predicted.getKey())
				.contains(predicted.getValue());
		}
		assertPartialRunsMatch(connection, model, prediction, materialized, Set.of());
		assertPartialRunsMatch(connection, model, prediction, materialized, prediction.tables().keySet());
		return prediction;
	}

	// the tables that do run, with their left-out indexes and foreign keys added, are what the whole DDL makes
	private static void assertPartialRunsMatch(Connection connection, EntityModel model,
			PostgresDdlPrediction prediction, SchemaModel materialized, Set<String> skipped) {
		PostgresDdlPrediction.Selection selection = prediction.select(skipped, Set.of());
		SchemaModel partial = selection.statements().isEmpty() ? SchemaModel.empty("none")
				: PostgresScratchSchema.materialize(connection, selection.statements(), model.schemaQualifiers(),
						(c, schema) -> new PostgresIntrospector().introspect(c, schema, (table) -> true));
		for (Table table : materialized.tables()) {
			if (skipped.contains(table.name())) {
				continue;
			}
			assertThat(partial.table(table.name()).map(selection::complete))
				.as("table %s made by the statements%n%s", table.name(), String.join("\n", selection.statements()))
				.contains(table);
		}
		assertThat(partial.enumTypes()).isEqualTo(materialized.enumTypes());
	}

}
