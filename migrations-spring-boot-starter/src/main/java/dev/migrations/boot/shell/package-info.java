/**
 * The {@code db} commands in Spring Shell ({@code db upgrade}, {@code db migrate}, {@code db check}...),
 * thin layers over {@link dev.migrations.Migrations}, and command mode: an application started with
 * {@code db ...} arguments runs that one command without its web server or startup upgrade and exits
 * with the command's status.
 */
package dev.migrations.boot.shell;
