package dev.migrations.maven;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How migrations.jvmArguments and migrations.arguments become a command line. */
class WordsTest {

	@Test
	void quotedValuesStayOneArgument() {
		assertThat(Words.split("-Dspring.datasource.url=jdbc:postgresql://h/db -Dspring.application.name='my app'"))
			.containsExactly("-Dspring.datasource.url=jdbc:postgresql://h/db", "-Dspring.application.name=my app");
		assertThat(Words.split("  --tenant \"acme corp\"   --verbose ")).containsExactly("--tenant", "acme corp", "--verbose");
		assertThat(Words.split("-Dpassword=\"it's\"")).containsExactly("-Dpassword=it's");
		assertThat(Words.split("''")).containsExactly("");
		assertThat(Words.split("   ")).isEmpty();
		// a quote not closed is no command line
		assertThat(Words.split("-Dname='my app")).isNull();
	}

}
