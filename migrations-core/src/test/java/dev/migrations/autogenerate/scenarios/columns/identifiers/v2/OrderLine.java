package dev.migrations.autogenerate.scenarios.columns.identifiers.v2;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "`OrderLine`", indexes = @Index(name = "`IX_OrderLine_Total`", columnList = "`Total Amount`"))
public class OrderLine {

	@Id
	@Column(name = "`ID`")
	Long id;

	@Column(name = "`Total Amount`")
	Integer total;

	@Column(name = "`first-name`")
	String firstName;

	@Column(name = "`key`")
	String key;

	@Column(name = "`Shipped At`")
	String shippedAt;
	@ManyToOne
	Grp group;

}
