package dev.migrations.autogenerate.scenarios.domains.storefront.v3;

import java.time.Duration;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("DIGITAL")
public class DigitalProduct extends Product {

	private Duration downloadWindow;

	private long fileSizeBytes;

}
