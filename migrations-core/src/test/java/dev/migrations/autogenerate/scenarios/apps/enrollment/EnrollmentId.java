package dev.migrations.autogenerate.scenarios.apps.enrollment;

import java.io.Serializable;

import jakarta.persistence.Embeddable;

@Embeddable
public class EnrollmentId implements Serializable {

	private static final long serialVersionUID = 1L;

	Long studentId;

	Long courseId;

	@Override
	public boolean equals(Object other) {
		return other instanceof EnrollmentId id && java.util.Objects.equals(this.studentId, id.studentId)
				&& java.util.Objects.equals(this.courseId, id.courseId);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(this.studentId, this.courseId);
	}

}
