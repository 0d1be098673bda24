package dev.migrations.boot.shell.jpaapp;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A controller using the repository: part of the application, created only when it serves. */
@RestController
class TicketController {

	private final TicketRepository tickets;

	TicketController(TicketRepository tickets) {
		this.tickets = tickets;
	}

	@GetMapping("/tickets")
	List<Ticket> tickets() {
		return this.tickets.findAll();
	}

}
