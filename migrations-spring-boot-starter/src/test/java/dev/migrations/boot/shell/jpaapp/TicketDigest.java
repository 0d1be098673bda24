package dev.migrations.boot.shell.jpaapp;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * A job the application schedules itself once it has started, with the scheduler Spring Boot gives an application
 * with {@code @EnableScheduling}: a command's process has it too (it does no harm there, the job being far off).
 */
@Component
class TicketDigest {

	private final TaskScheduler scheduler;

	TicketDigest(TaskScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@EventListener(ApplicationStartedEvent.class)
	void schedule() {
		this.scheduler.scheduleWithFixedDelay(() -> {
		}, Instant.now().plus(Duration.ofDays(1)), Duration.ofDays(1));
	}

}
