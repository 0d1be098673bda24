package dev.migrations.entity;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyComponentPathImpl;
import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrations.entity.fixtures.naming.NamingSample;
import dev.migrations.entity.fixtures.naming.PostalAddress;

import static org.assertj.core.api.Assertions.assertThat;

class SnakeCasePhysicalNamingStrategyTest {

	private final SnakeCasePhysicalNamingStrategy strategy = new SnakeCasePhysicalNamingStrategy();

	// expected values follow the rule: an underscore before an upper-case letter that has a
	// lower-case letter or digit before it and a lower-case letter or digit after it
	@ParameterizedTest
	@CsvSource({ "firstName, first_name", "URLValue, urlvalue", "someHTTPThing, somehttpthing",
			"address2Line, address2_line", "userID, userid", "v2Value, v2_value", "x2y, x2y",
			"streetLine2, street_line2", "homeAddress.zipCode, home_address_zip_code", "Customer, customer",
			"OrderLine, order_line", "DeliveryTruck_SEQ, delivery_truck_seq", "aB, ab", "ABc, abc",
			"already_snake, already_snake", "getHTTPResponseCode, gethttpresponse_code", "a, a" })
	void convertsLikeTheApplicationsDefaultStrategy(String logical, String physical) {
		Identifier unquoted = new Identifier(logical, false);
		Identifier converted = this.strategy.toPhysicalColumnName(unquoted, null);
		assertThat(converted.getText()).isEqualTo(physical);
		assertThat(converted.isQuoted()).isFalse();
		assertThat(new PhysicalNamingStrategySnakeCaseImpl().toPhysicalColumnName(unquoted, null).getText())
			.as("Hibernate's own snake-case strategy").isEqualTo(physical);
	}

	@Test
	void keepsQuotedNamesAsWritten() {
		Identifier quoted = new Identifier("OrderLine", true);
		assertThat(this.strategy.toPhysicalTableName(quoted, null)).isEqualTo(quoted);
		assertThat(this.strategy.toPhysicalTableName(quoted, null).isQuoted()).isTrue();
	}

	@Test
	void appliesToEveryKindOfName() {
		Identifier logical = new Identifier("salesData", false);
		assertThat(this.strategy.toPhysicalCatalogName(logical, null).getText()).isEqualTo("sales_data");
		assertThat(this.strategy.toPhysicalSchemaName(logical, null).getText()).isEqualTo("sales_data");
		assertThat(this.strategy.toPhysicalTableName(logical, null).getText()).isEqualTo("sales_data");
		assertThat(this.strategy.toPhysicalSequenceName(logical, null).getText()).isEqualTo("sales_data");
		assertThat(this.strategy.toPhysicalColumnName(logical, null).getText()).isEqualTo("sales_data");
		assertThat(this.strategy.toPhysicalColumnName(null, null)).isNull();
	}

	@Test
	void entityColumnsGetTheApplicationsNames() {
		EntityModel model = new EntityMetadataReader().read(EntitySource.of(NamingSample.class, PostalAddress.class));

		assertThat(model.tableNames()).containsExactly("naming_sample");
		assertThat(model.table("naming_sample").orElseThrow().columnNames()).containsExactlyInAnyOrder("id",
				"urlvalue", "somehttpthing", "address2_line", "userid", "x2y", "v2_value", "zip_code",
				"street_line2");
	}

	@Test
	void embeddedColumnsArePrefixedWhenTheImplicitStrategyUsesComponentPaths() {
		EntityModel model = new EntityMetadataReader().read(EntitySource.of(NamingSample.class, PostalAddress.class)
			.withImplicitNamingStrategy(ImplicitNamingStrategyComponentPathImpl.class.getName()));

		assertThat(model.table("naming_sample").orElseThrow().columnNames()).contains("home_address_zip_code",
				"home_address_street_line2", "address2_line");
	}

}
