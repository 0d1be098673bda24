package dev.migrations.boottests.nonjpa.jdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("customer")
public record JdbcCustomer(@Id Long id, String name, String email) {

}
