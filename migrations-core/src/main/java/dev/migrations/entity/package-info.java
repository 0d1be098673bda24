/**
 * Reading JPA entities through Hibernate's own boot metadata: the DDL, tables, sequences and named
 * enum types they would create ({@link dev.migrations.entity.EntityMetadataReader}), with the same
 * naming as the application, and materializing that DDL in a rolled-back PostgreSQL scratch schema
 * so the live-database introspector can read it ({@link dev.migrations.entity.PostgresScratchSchema}).
 * Needs {@code hibernate-core} on the class path.
 */
package dev.migrations.entity;
