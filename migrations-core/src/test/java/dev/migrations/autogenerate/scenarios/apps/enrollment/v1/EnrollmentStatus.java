package dev.migrations.autogenerate.scenarios.apps.enrollment.v1;

public enum EnrollmentStatus {

	ACTIVE, COMPLETED, DROPPED

}
