package dev.migrations.boot.shell.scan.datasource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A data source of its own, declared as the pool's class. */
@SpringBootApplication
public class DataSourceApplication {

	@Bean
	HikariDataSource ownDataSource() {
		return new HikariDataSource();
	}

}
