package dev.migrations.boot.entities.validated;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Bean Validation constraints Hibernate applies to its DDL when the validator is on the class path
 * ({@code NOT NULL}, a length, a check), and a many-to-many whose join table's key Hibernate orders
 * ({@code club_member_clubs}: {@code (club_member_id, clubs_id)}).
 */
@Entity
public class ClubMember {

	@Id
	@GeneratedValue
	private Long id;

	@NotBlank
	@Size(max = 40)
	private String handle;

	@Min(0)
	@Max(10)
	private Integer rating;

	@ManyToMany
	private Set<Club> clubs = new LinkedHashSet<>();

	protected ClubMember() {
	}

}
