package dev.migrations.boot.shell.scan.imported;

import dev.migrations.boot.shell.scan.external.ExternalConfiguration;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Imports configuration from another package. */
@SpringBootApplication
@Import(ExternalConfiguration.class)
public class ImportingApplication {

}
