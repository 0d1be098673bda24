package dev.migrations.sample.bulletin;

/** Where a bulletin is in review. */
public enum BulletinStatus {

	DRAFT, REVIEW, PUBLISHED

}
