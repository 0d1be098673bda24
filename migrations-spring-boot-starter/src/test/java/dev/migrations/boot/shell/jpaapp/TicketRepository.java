package dev.migrations.boot.shell.jpaapp;

import org.springframework.data.jpa.repository.JpaRepository;

/** A Spring Data repository, which a {@code db} command must not start. */
public interface TicketRepository extends JpaRepository<Ticket, Long> {

}
