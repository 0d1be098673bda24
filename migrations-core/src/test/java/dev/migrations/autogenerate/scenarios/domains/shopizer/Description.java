package dev.migrations.autogenerate.scenarios.domains.shopizer;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.validation.constraints.NotEmpty;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Shopizer's description superclass: its id generator is named here and declared by each subclass.
 * Shopizer's {@code @Type(type = "org.hibernate.type.TextType")} is Hibernate 5's; Hibernate 6 spells
 * it {@code @JdbcTypeCode(LONG32VARCHAR)}. Its {@code @Inheritance(TABLE_PER_CLASS)} is left out: Hibernate 7
 * refuses it on a mapped superclass.
 */
@MappedSuperclass
public class Description {

	@Id
	@Column(name = "DESCRIPTION_ID")
	@GeneratedValue(strategy = GenerationType.TABLE, generator = "description_gen")
	private Long id;

	@Embedded
	private AuditSection auditSection = new AuditSection();

	@ManyToOne(optional = false)
	@JoinColumn(name = "LANGUAGE_ID")
	private Language language;

	@NotEmpty
	@Column(name = "NAME", nullable = false, length = 120)
	private String name;

	@Column(name = "TITLE", length = 100)
	private String title;

	@Column(name = "DESCRIPTION")
	@JdbcTypeCode(SqlTypes.LONG32VARCHAR)
	private String description;

}
