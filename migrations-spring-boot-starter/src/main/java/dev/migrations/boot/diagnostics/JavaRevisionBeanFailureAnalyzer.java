package dev.migrations.boot.diagnostics;

import dev.migrations.boot.JavaRevisionBeanException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A Java revision declared as a bean cannot be created, or would use the database through the application's beans. */
class JavaRevisionBeanFailureAnalyzer extends AbstractFailureAnalyzer<JavaRevisionBeanException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JavaRevisionBeanException cause) {
		String description = "The database was not upgraded: " + cause.getMessage();
		String action = "Change the revision "
				+ ((cause.beanName() != null) ? "'" + cause.beanName() + "' " : "")
				+ "to use the Connection its upgrade() and downgrade() get, and inject only beans that do not use the"
				+ " database; then start the application again, or run `db upgrade`.";
		return new FailureAnalysis(description, action, cause);
	}

}
