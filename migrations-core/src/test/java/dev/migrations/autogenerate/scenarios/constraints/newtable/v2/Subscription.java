package dev.migrations.autogenerate.scenarios.constraints.newtable.v2;

import java.time.LocalDate;

import jakarta.persistence.CheckConstraint;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = { "customer_id", "plan" }),
		indexes = @Index(columnList = "renews_on desc"),
		check = @CheckConstraint(name = "ck_subscription_seats", constraint = "seats between 1 and 500"))
public class Subscription {

	@Id
	Long id;

	@ManyToOne(optional = false)
	@OnDelete(action = OnDeleteAction.CASCADE)
	Customer customer;

	@Column(nullable = false)
	String plan;

	@Column(unique = true)
	String externalId;

	@Enumerated(EnumType.STRING)
	Status status;

	int seats;

	LocalDate renewsOn;

	public enum Status {

		TRIAL, ACTIVE, CANCELLED

	}

}
