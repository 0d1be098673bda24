/**
 * Ahead-of-time processing and GraalVM native images: the runtime hints for revision files and Java
 * revisions.
 */
package dev.migrations.boot.aot;
