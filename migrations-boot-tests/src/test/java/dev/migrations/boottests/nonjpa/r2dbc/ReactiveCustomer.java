package dev.migrations.boottests.nonjpa.r2dbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("customer")
public record ReactiveCustomer(@Id Long id, String name, String email) {

}
