package dev.migrations.boot.shell.jpaapp;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** A scheduled job of the application's, as many have: it must not start in a process that only runs a command. */
@Component
class TicketReminders {

	private final TicketRepository tickets;

	TicketReminders(TicketRepository tickets) {
		this.tickets = tickets;
	}

	@Scheduled(fixedDelayString = "PT1H")
	void remind() {
		this.tickets.count();
	}

}
