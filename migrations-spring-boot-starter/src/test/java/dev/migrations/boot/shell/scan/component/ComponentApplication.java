package dev.migrations.boot.shell.scan.component;

import dev.migrations.runner.MigrationsListener;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** A listener component, through a superclass of its own. */
@SpringBootApplication
public class ComponentApplication {

	abstract static class AuditingListener implements MigrationsListener {

	}

	@Component
	static class RevisionAudit extends AuditingListener {

	}

}
