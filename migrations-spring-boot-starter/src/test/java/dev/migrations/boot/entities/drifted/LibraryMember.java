package dev.migrations.boot.entities.drifted;

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
 * The library member after a developer added {@code nickname} without writing a revision.
 * A copy of the library entity in its own package, so a context can scan one or the other.
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

	@Column(length = 40)
	private String nickname;

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
