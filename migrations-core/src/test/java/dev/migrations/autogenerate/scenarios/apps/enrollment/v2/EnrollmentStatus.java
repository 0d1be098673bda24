package dev.migrations.autogenerate.scenarios.apps.enrollment.v2;

public enum EnrollmentStatus {

	ACTIVE, COMPLETED, DROPPED

}
