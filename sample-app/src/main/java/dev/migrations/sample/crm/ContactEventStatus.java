package dev.migrations.sample.crm;

/** Stored as the PostgreSQL enum type {@code contacteventstatus}, shared by events and invitations. */
public enum ContactEventStatus {

	INVITED, WONTSHOW, ATTENDED, DENIED, COULDNTMAKEIT

}
