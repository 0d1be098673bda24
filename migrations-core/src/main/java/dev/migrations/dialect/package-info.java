/**
 * What differs per database: script syntax, transactional DDL, version-table DDL, locks, literals.
 * Each database's specifics sit together in one class.
 */
package dev.migrations.dialect;
