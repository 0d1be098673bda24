package dev.migrations.boot.shell.jpaapp;

import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/** Seeds the tickets at startup, as many applications do with a runner. */
@Component
class TicketSeeder implements CommandLineRunner {

	private final TicketRepository tickets;

	TicketSeeder(TicketRepository tickets) {
		this.tickets = tickets;
	}

	@Override
	public void run(String... args) {
		this.tickets.count();
	}

}
