package dev.migrations.autogenerate.scenarios.hibernate.generated.v1;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.GeneratedColumn;

@Entity
public class LineItem {

	@Id
	Long id;

	int quantity;

	@Column(precision = 10, scale = 2)
	BigDecimal unitPrice;

	@GeneratedColumn("quantity * unit_price")
	@Column(precision = 12, scale = 2)
	BigDecimal total;

	@Generated
	@ColumnDefault("current_timestamp")
	Instant createdAt;

}
