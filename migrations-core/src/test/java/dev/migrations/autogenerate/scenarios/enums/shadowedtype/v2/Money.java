package dev.migrations.autogenerate.scenarios.enums.shadowedtype.v2;

/** Hibernate names its type money, which is also a type PostgreSQL has built in. */
public enum Money {

	USD, EUR, AED, GBP

}
