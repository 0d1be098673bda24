package dev.migrations.boot.shell.scan.scanbase;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Scans its own package and another. */
@SpringBootApplication(scanBasePackages = { "dev.migrations.boot.shell.scan.scanbase",
		"dev.migrations.boot.shell.scan.external" })
public class ScanningApplication {

}
