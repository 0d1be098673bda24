package dev.migrations.autogenerate.scenarios.domains.nutrixplorer;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A token confirming an account. */
@DiscriminatorValue("ACCOUNT")
@Entity
@Table(name = "ACCOUNT_VERIFICATION_TOKENS")
public class AccountVerificationToken extends VerificationToken {

}
