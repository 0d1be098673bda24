package dev.migrations.autogenerate.scenarios.domains.commerce;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

/** Ids from one shared generator table, a row per entity, as Broadleaf's SEQUENCE_GENERATOR. */
@Entity
@Table(name = "blc_category")
public class Category {

	@Id
	@GeneratedValue(generator = "CategoryId")
	@TableGenerator(name = "CategoryId", table = "sequence_generator", pkColumnName = "id_name",
			valueColumnName = "id_val", pkColumnValue = "CategoryImpl", allocationSize = 50)
	@Column(name = "category_id")
	private Long id;

	@Column(name = "name", nullable = false)
	private String name;

	@ManyToOne
	@JoinColumn(name = "default_parent_category_id")
	private Category defaultParent;

	@ManyToMany
	@JoinTable(name = "blc_category_xref", joinColumns = @JoinColumn(name = "category_id"),
			inverseJoinColumns = @JoinColumn(name = "sub_category_id"))
	@OrderColumn(name = "display_order")
	private List<Category> children = new ArrayList<>();

}
