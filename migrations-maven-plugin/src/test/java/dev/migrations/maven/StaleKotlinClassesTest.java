package dev.migrations.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A goal run after a Kotlin file was deleted: {@code kotlin-maven-plugin} leaves the file's classes in
 * {@code target/classes}. The classes under {@code src/test/resources/kotlin-app} are kotlinc's, compiled from
 * {@code ShopApplication.kt} (the application and its {@code main}) and {@code Entities.kt} ({@code Customer},
 * {@code CustomerStatus}).
 */
class StaleKotlinClassesTest {

	@TempDir
	Path module;

	private Path kotlinSources;

	private CheckMojo check;

	@BeforeEach
	void compiledKotlinModule() throws IOException {
		Path classes = Files.createDirectories(this.module.resolve("target/classes/com/example/shop"));
		for (String name : new String[] { "ShopApplication", "ShopApplicationKt", "Customer", "CustomerStatus" }) {
			try (InputStream in = getClass().getResourceAsStream("/kotlin-app/com/example/shop/" + name + ".class")) {
				Files.copy(in, classes.resolve(name + ".class"));
			}
		}
		this.kotlinSources = Files.createDirectories(this.module.resolve("src/main/kotlin/com/example/shop"));
		Files.writeString(this.kotlinSources.resolve("ShopApplication.kt"), "package com.example.shop\n");
		MavenProject project = new MavenProject();
		project.setPackaging("jar");
		project.setFile(this.module.resolve("pom.xml").toFile());
		project.getBuild().setDirectory(this.module.resolve("target").toString());
		project.getBuild().setOutputDirectory(this.module.resolve("target/classes").toString());
		project.addCompileSourceRoot(this.module.resolve("src/main/kotlin").toString());
		this.check = new CheckMojo();
		this.check.project = project;
	}

	@Test
	void classesOfADeletedKotlinFileFailTheGoalNamingThem() {
		// Entities.kt deleted: its Customer entity is still compiled, and db check would compare it
		assertThatThrownBy(() -> this.check.commandLine()).isInstanceOf(MojoFailureException.class)
			.hasMessage(this.module.resolve("target/classes") + " holds classes compiled from Kotlin files that are no"
					+ " longer among the sources: com.example.shop.Customer (Entities.kt), com.example.shop.CustomerStatus"
					+ " (Entities.kt). kotlin-maven-plugin does not delete the classes of a deleted file, and the command"
					+ " would take them for the application's (a deleted entity's table would not be dropped): run"
					+ " `mvn clean migrations:check` (with the same options) to compile afresh.");
	}

	@Test
	void classesOfKotlinFilesThatExistRun() throws Exception {
		Files.writeString(this.kotlinSources.resolve("Entities.kt"), "package com.example.shop\n");
		assertThat(this.check.commandLine()).contains("com.example.shop.ShopApplicationKt");
	}

	@Test
	void classesInlinedFromALibrarysKotlinFileAreTheirOuterClasss() throws Exception {
		// class ShopBeans : BeanRegistrarDsl({ registerBean<PhysicalNamingStrategy> { ... } }) in ShopBeans.kt: the
		// object inlined from registerBean names Spring's BeanRegistrarDsl.kt as its source file
		Files.writeString(this.kotlinSources.resolve("Entities.kt"), "package com.example.shop\n");
		Files.writeString(this.kotlinSources.resolve("ShopBeans.kt"), "package com.example.shop\n");
		String inlined = "ShopBeans$_init_$lambda$0$$inlined$registerBean$default$1";
		for (String name : new String[] { "ShopBeans", inlined }) {
			try (InputStream in = getClass().getResourceAsStream("/kotlin-app/com/example/shop/" + name + ".class")) {
				Files.copy(in, this.module.resolve("target/classes/com/example/shop/" + name + ".class"));
			}
		}
		try (InputStream in = getClass().getResourceAsStream("/kotlin-app/com/example/shop/" + inlined + ".class")) {
			assertThat(StaleKotlinClasses.sourceFile(in.readAllBytes())).isEqualTo("BeanRegistrarDsl.kt");
		}
		assertThat(this.check.commandLine()).contains("com.example.shop.ShopApplicationKt");
	}

	@Test
	void theSourceFileIsReadFromTheClassFile() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/kotlin-app/com/example/shop/CustomerStatus.class")) {
			assertThat(StaleKotlinClasses.sourceFile(in.readAllBytes())).isEqualTo("Entities.kt");
		}
		try (InputStream in = getClass().getResourceAsStream("StaleKotlinClassesTest.class")) {
			assertThat(StaleKotlinClasses.sourceFile(in.readAllBytes())).isEqualTo("StaleKotlinClassesTest.java");
		}
	}

}
