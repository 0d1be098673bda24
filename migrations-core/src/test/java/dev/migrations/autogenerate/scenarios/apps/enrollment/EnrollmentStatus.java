package dev.migrations.autogenerate.scenarios.apps.enrollment;

public enum EnrollmentStatus {

	ACTIVE, COMPLETED, DROPPED

}
