package dev.migrations.autogenerate.scenarios.apps.enrollment.v2;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import dev.migrations.autogenerate.scenarios.apps.enrollment.Course;
import dev.migrations.autogenerate.scenarios.apps.enrollment.EnrollmentId;
import dev.migrations.autogenerate.scenarios.apps.enrollment.EnrollmentStatus;
import dev.migrations.autogenerate.scenarios.apps.enrollment.Student;

@Entity
@Table(name = "enrollment")
public class Enrollment implements Serializable {

	private static final long serialVersionUID = 1L;

	@EmbeddedId
	EnrollmentId id;

	@MapsId("studentId")
	@ManyToOne
	Student student;

	@MapsId("courseId")
	@ManyToOne
	Course course;

	@Min(0)
	@Max(100)
	@Column(name = "grade")
	Integer grade;

	@Column(name = "enrolled_on")
	LocalDate enrolledOn;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", length = 12)
	EnrollmentStatus status;

}
