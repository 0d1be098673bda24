package dev.migrations.autogenerate.views;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** An entity over a view the application creates in a revision of its own. */
@Entity
@Immutable
@Table(name = "v_shop_total")
public class ShopTotal {

	@Id
	Long shopId;

	long lines;

	BigDecimal total;

}
