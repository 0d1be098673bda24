package dev.migrations.boottests.app;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerController {

	private final CustomerRepository customers;

	CustomerController(CustomerRepository customers) {
		this.customers = customers;
	}

	@GetMapping("/customers")
	List<String> names() {
		return this.customers.findAll().stream().map(Customer::getName).toList();
	}

}
