package dev.migrations.autogenerate.scenarios.hibernate.ordercolumnowners;

import java.io.Serializable;

public record CrateId(String site, Long number) implements Serializable {
}
