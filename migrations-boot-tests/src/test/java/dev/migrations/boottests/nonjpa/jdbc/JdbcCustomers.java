package dev.migrations.boottests.nonjpa.jdbc;

import org.springframework.data.repository.CrudRepository;

public interface JdbcCustomers extends CrudRepository<JdbcCustomer, Long> {

}
