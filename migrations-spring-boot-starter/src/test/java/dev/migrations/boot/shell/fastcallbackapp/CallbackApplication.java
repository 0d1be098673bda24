package dev.migrations.boot.shell.fastcallbackapp;

import dev.migrations.MigrationsCallback;
import dev.migrations.boot.shell.app.Bulletin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;

/** An application with a callback bean, which {@code db upgrade} must run: its commands need its context. */
@SpringBootApplication
@EntityScan(basePackageClasses = Bulletin.class)
public class CallbackApplication {

	/** What the callback prints before an upgrade. */
	public static final String BEFORE_UPGRADE = "The callback application's callback runs before the upgrade to ";

	public static void main(String[] args) {
		SpringApplication.run(CallbackApplication.class, args);
	}

	@Bean
	MigrationsCallback announcingCallback() {
		return new MigrationsCallback() {

			@Override
			public void beforeUpgrade(Context context) {
				System.out.println(BEFORE_UPGRADE + context.target());
			}

		};
	}

}
