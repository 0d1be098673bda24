package dev.migrations.boottests.nonjpa.r2dbc;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface ReactiveCustomers extends ReactiveCrudRepository<ReactiveCustomer, Long> {

}
