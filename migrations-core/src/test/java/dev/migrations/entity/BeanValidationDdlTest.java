package dev.migrations.entity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.CompositionType;
import org.hibernate.validator.constraints.ConstraintComposition;
import org.hibernate.validator.constraints.Length;
import org.hibernate.validator.constraints.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.Migrations;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bean Validation reaches the entity side exactly where the application's Hibernate applies it to
 * its DDL. Every case is held against the schema Hibernate itself creates with the same settings
 * (an EntityManagerFactory with {@code ddl-auto=create}): {@code check()} must be empty. Runs twice:
 * with Hibernate Validator on the class path and without it (the {@code without-bean-validation}
 * execution, where the annotations are still on the classes but nothing reads them).
 */
@ExtendWith(TestDatabaseExtension.class)
class BeanValidationDdlTest {

	private static final boolean VALIDATOR = validatorOnClassPath();

	@TempDir
	Path directory;

	@Test
	void appliesWhatHibernateAppliesWhenTheValidatorIsOnTheClassPath(TestDatabase db) {
		EntitySource source = EntitySource.of(Account.class, Owner.class);
		EntityTable account = new EntityMetadataReader().read(source).table("account").orElseThrow();

		if (VALIDATOR) {
			assertThat(account.column("login").orElseThrow()).isEqualTo(new EntityColumn("login", "varchar(40)", false));
			assertThat(account.column("email").orElseThrow()).isEqualTo(new EntityColumn("email", "varchar(254)", true));
			assertThat(account.column("nickname").orElseThrow()).isEqualTo(new EntityColumn("nickname", "varchar(12)", true));
			assertThat(account.column("roles").orElseThrow().nullable()).isFalse();
			assertThat(account.column("balance").orElseThrow().sqlType()).isEqualTo("numeric(12,2)");
			assertThat(account.column("owner_id").orElseThrow().nullable()).isFalse();
			// Hibernate joins the bounds in the order the validator lists them, which changes from JVM to JVM
			assertThat(createTable(source, "account")).containsAnyOf("check ((level>=1) and (level<=9))",
					"check ((level<=9) and (level>=1))")
				.containsAnyOf("check ((age>=18) and (age<=150))", "check ((age<=150) and (age>=18))");
		}
		else {
			assertThat(account.column("login").orElseThrow()).isEqualTo(new EntityColumn("login", "varchar(255)", true));
			assertThat(account.column("balance").orElseThrow().sqlType()).isEqualTo("numeric(38,2)");
			assertThat(createTable(source, "account")).doesNotContain("check");
		}
		// @Pattern and @DecimalMin are not applied to DDL by Hibernate, with or without the validator
		assertThat(account.column("postcode").orElseThrow()).isEqualTo(new EntityColumn("postcode", "varchar(255)", true));
		assertSameAsHibernate(db, source);
	}

	@Test
	void validationModeNoneLeavesTheDdlAlone(TestDatabase db) {
		EntitySource source = EntitySource.of(Account.class, Owner.class)
			.withSetting("jakarta.persistence.validation.mode", "none");

		assertThat(new EntityMetadataReader().read(source).table("account").orElseThrow().column("login").orElseThrow())
			.isEqualTo(new EntityColumn("login", "varchar(255)", true));
		assertSameAsHibernate(db, source);
	}

	@Test
	void theLegacyModeSettingAndApplyToDdlFalseAreHonoured(TestDatabase db) {
		EntitySource legacy = EntitySource.of(Account.class, Owner.class)
			.withSetting("javax.persistence.validation.mode", "NONE");
		EntitySource notToDdl = EntitySource.of(Account.class, Owner.class)
			.withSetting("hibernate.validator.apply_to_ddl", "false");

		for (EntitySource source : List.of(legacy, notToDdl)) {
			assertThat(createTable(source, "account")).doesNotContain("check").contains("login varchar(255),");
		}
		assertSameAsHibernate(db, notToDdl);
	}

	@Test
	void callbackModeValidatesRowsButLeavesTheDdlAlone(TestDatabase db) {
		EntitySource source = EntitySource.of(Account.class, Owner.class)
			.withSetting("jakarta.persistence.validation.mode", "callback");

		assertThat(createTable(source, "account")).doesNotContain("check").contains("login varchar(255),");
		if (VALIDATOR) {
			assertSameAsHibernate(db, source);
		}
		else {
			// the application itself does not start: callback validation without a provider
			assertThatException().isThrownBy(() -> HibernateSchemaCreation.create(db.dataSource(), source))
				.withStackTraceContaining("'callback' validation");
		}
	}

	@Test
	void ddlModeNeedsAValidatorAsTheApplicationDoes(TestDatabase db) {
		EntitySource source = EntitySource.of(Account.class, Owner.class)
			.withSetting("jakarta.persistence.validation.mode", "ddl");

		if (VALIDATOR) {
			assertThat(createTable(source, "account")).contains("login varchar(40) not null");
			assertSameAsHibernate(db, source);
		}
		else {
			assertThatExceptionOfType(EntityMetadataException.class)
				.isThrownBy(() -> new EntityMetadataReader().read(source))
				.withMessageStartingWith("The validation mode 'ddl' (jakarta.persistence.validation.mode) needs Bean"
						+ " Validation, which is not on the class path");
			assertThatException().isThrownBy(() -> HibernateSchemaCreation.create(db.dataSource(), source))
				.withStackTraceContaining("'ddl' validation");
		}
	}

	@Test
	void anUnknownModeFailsAsTheApplicationDoes() {
		EntitySource source = EntitySource.of(Account.class, Owner.class)
			.withSetting("jakarta.persistence.validation.mode", "strict");

		assertThatExceptionOfType(EntityMetadataException.class).isThrownBy(() -> new EntityMetadataReader().read(source))
			.withMessageContaining("Unknown validation mode in jakarta.persistence.validation.mode: strict")
			.withMessageContaining("Use auto, callback, ddl or none");
	}

	@Test
	void onlyTheDefaultGroupCountsUnlessTheDdlGroupSettingNamesOthers(TestDatabase db) {
		EntitySource defaults = EntitySource.of(Grouped.class);
		EntitySource strict = EntitySource.of(Grouped.class)
			.withSetting("org.hibernate.validator.group.ddl", Strict.class.getName());
		// not a key Hibernate reads: the DDL group is org.hibernate.validator.group.ddl
		EntitySource jpaKey = EntitySource.of(Grouped.class)
			.withSetting("jakarta.persistence.validation.group.ddl", Strict.class.getName());

		if (VALIDATOR) {
			assertThat(createTable(defaults, "grouped")).contains("code varchar(10),").contains("strict_code varchar(255),");
			assertThat(createTable(strict, "grouped")).contains("code varchar(255),")
				.contains("strict_code varchar(255) not null");
			assertThat(createTable(jpaKey, "grouped")).isEqualTo(createTable(defaults, "grouped"));
		}
		for (EntitySource source : List.of(defaults, strict)) {
			assertSameAsHibernate(db, source);
		}
	}

	@Test
	void composedConstraintsCountAndAnOrCompositionIsNotANotNull(TestDatabase db) {
		EntitySource source = EntitySource.of(Composed.class);

		if (VALIDATOR) {
			assertThat(createTable(source, "composed")).contains("zip varchar(5) not null")
				.contains("alias varchar(3),")
				.containsAnyOf("check ((rank>=1) and (rank<=3))", "check ((rank<=3) and (rank>=1))");
		}
		assertSameAsHibernate(db, source);
	}

	@Test
	void singleTableSubclassesAndEmbeddablesFollowHibernatesExceptions(TestDatabase db) {
		EntitySource source = EntitySource.of(Vehicle.class, Truck.class, Garage.class, Address.class);

		if (VALIDATOR) {
			// a subclass's columns live in the shared table: left nullable
			assertThat(createTable(source, "vehicle")).contains("plate varchar(255) not null")
				.contains("payload integer,");
			// constraints inside an embeddable count only through @Valid, and its NOT NULLs only when the
			// embedded attribute is itself @NotNull
			assertThat(createTable(source, "garage")).contains(" street varchar(60) not null")
				.contains("other_street varchar(255),");
		}
		assertSameAsHibernate(db, source);
	}

	private static String createTable(EntitySource source, String table) {
		return new EntityMetadataReader().read(source)
			.createStatements()
			.stream()
			.filter((sql) -> sql.startsWith("create table " + table + " "))
			.findFirst()
			.orElseThrow();
	}

	private void assertSameAsHibernate(TestDatabase db, EntitySource source) {
		try (TestDatabase fresh = dev.migrations.test.TestDatabases.postgres()) {
			HibernateSchemaCreation.create(fresh.dataSource(), source);
			Migrations migrations = Migrations.configure()
				.dataSource(fresh.dataSource())
				.locations("filesystem:" + this.directory)
				.entities(source)
				.load();
			assertThat(migrations.check()).as("against the schema Hibernate created with %s", source.settings()).isEmpty();
		}
	}

	private static boolean validatorOnClassPath() {
		try {
			Class.forName("org.hibernate.validator.HibernateValidator", false, BeanValidationDdlTest.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException ex) {
			return false;
		}
	}

	@Entity(name = "Owner")
	public static class Owner {

		@Id
		Long id;

	}

	@Entity(name = "Account")
	public static class Account {

		@Id
		Long id;

		@NotBlank
		@Size(min = 3, max = 40)
		String login;

		@Size(max = 254)
		String email;

		@Length(max = 12)
		String nickname;

		@NotEmpty
		String roles;

		@Digits(integer = 10, fraction = 2)
		BigDecimal balance;

		@Min(1)
		@Max(9)
		Integer level;

		@Range(min = 18, max = 150)
		int age;

		@Pattern(regexp = "[0-9]{5}")
		String postcode;

		@NotNull
		@ManyToOne
		Owner owner;

	}

	public interface Strict {

	}

	@Entity(name = "Grouped")
	public static class Grouped {

		@Id
		Long id;

		@Size(max = 10)
		String code;

		@NotNull(groups = Strict.class)
		String strictCode;

	}

	@NotNull
	@Size(max = 5)
	@Constraint(validatedBy = {})
	@Documented
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface ZipCode {

		String message() default "not a zip code";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	// either absent or short: the OR keeps the column nullable; the size still applies
	@ConstraintComposition(CompositionType.OR)
	@NotNull
	@Size(max = 3)
	@Constraint(validatedBy = {})
	@Documented
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface ShortAlias {

		String message() default "not a short alias";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	@Entity(name = "Composed")
	public static class Composed {

		@Id
		Long id;

		@ZipCode
		String zip;

		@ShortAlias
		String alias;

		@Range(min = 1, max = 3)
		Integer rank;

	}

	@Entity(name = "Vehicle")
	@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
	public static class Vehicle {

		@Id
		Long id;

		@NotNull
		String plate;

	}

	@Entity(name = "Truck")
	@DiscriminatorValue("truck")
	public static class Truck extends Vehicle {

		@NotNull
		Integer payload;

	}

	@Embeddable
	public static class Address {

		@NotNull
		@Size(max = 60)
		String street;

	}

	@Entity(name = "Garage")
	public static class Garage {

		@Id
		Long id;

		@NotNull
		@Valid
		@Embedded
		Address address;

		@Embedded
		@jakarta.persistence.AttributeOverride(name = "street", column = @jakarta.persistence.Column(name = "other_street"))
		Address other;

	}

}
