package dev.migrations.boottests.ahead;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The shop one commit later: a developer added {@code Customer.phone} and started the application
 * before writing a revision for it.
 */
@SpringBootApplication
public class AheadShopApplication {

}
