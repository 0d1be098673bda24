package dev.migrations.boot.entities.library;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * A member, with camel-case names, an enum, an element collection: what Boot's naming strategies
 * turn into {@code library_member}, {@code full_name}, {@code library_member_tags}.
 */
@Entity
public class LibraryMember {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 120)
	private String fullName;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private MembershipLevel membershipLevel = MembershipLevel.BASIC;

	private LocalDate joinedOn;

	@ElementCollection
	private Set<String> tags = new LinkedHashSet<>();

	protected LibraryMember() {
	}

	public LibraryMember(String fullName) {
		this.fullName = fullName;
	}

	public Long getId() {
		return this.id;
	}

	public String getFullName() {
		return this.fullName;
	}

	/** How much a member may borrow. */
	public enum MembershipLevel {

		BASIC, PREMIUM

	}

}
