package dev.migrations.autogenerate.views;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** An entity over a materialized view the application creates and refreshes itself. */
@Entity
@Immutable
@Table(name = "mv_shop_ranking")
public class ShopRanking {

	@Id
	Long shopId;

	int position;

}
