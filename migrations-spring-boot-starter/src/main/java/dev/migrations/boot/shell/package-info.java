/**
 * The {@code db} commands in Spring Shell, thin layers over {@link dev.migrations.Migrations}, and
 * command mode.
 *
 * <h2>Commands</h2>
 * {@code db init}, {@code db revision -m MSG [--head REV]}, {@code db migrate -m MSG [--rename OLD=NEW]...
 * [--no-renames]}, {@code db upgrade [TARGET] [--sql]}, {@code db downgrade TARGET [--sql]},
 * {@code db current}, {@code db heads}, {@code db history}, {@code db show REV}, {@code db stamp TARGET},
 * {@code db check}, {@code db merge -m MSG [REV...]} and {@code db create-db}; {@code db} alone lists
 * them and {@code db <command> --help} explains one. Exit status: 0 done, 1 {@code db check} found
 * differences, 2 the command failed (its message is printed, never a stack trace; set
 * {@code logging.level.dev.migrations.boot.shell=debug} for the trace).
 * <p>
 * In the interactive shell, {@code db migrate} asks about each rename the differ guesses
 * ({@code Is bulletin.title → bulletin.headline a rename? [Y/n]}) and writes the answers; where nobody
 * can answer (command mode, scripts) the guesses are written as renames with the drop and add they
 * replace in a comment, unless {@code --no-renames} is given.
 *
 * <h2>Command mode</h2>
 * A web application that carries the shell has three things that could run at startup: the web
 * server, the interactive shell and the startup upgrade. The decision taken here: when the application
 * is started with {@code db} as its first argument that is not an option ({@code java -jar app.jar db
 * upgrade +1}, {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments="db check"}), it runs that one
 * command and exits with its status, and nothing else starts: no web server, no interactive shell, no
 * startup upgrade, no drift detection, no SQL initialization, Hibernate told to leave the schema alone,
 * beans created lazily; the banner is off and the console log shows warnings only unless the
 * application says otherwise. Started without such arguments, the application is what its own
 * configuration makes it. {@code migrations.shell.command-mode.enabled=false} turns the detection off.
 * See {@link dev.migrations.boot.shell.CommandModeEnvironmentPostProcessor} and
 * {@link dev.migrations.boot.shell.CommandModeRunner}.
 *
 * <h2>Spring Shell 4.0 as found</h2>
 * The commands are {@code Command} beans built on {@code AbstractCommand}, not annotated methods:
 * annotated methods are discovered only in the application's own package, always exit with status 0
 * and cannot receive an option given twice. The shell's parser looks up boolean options on the
 * command named like the first word only, so the {@code db} command declares the flags of all
 * {@code db} commands, and {@code -1} to {@code -9} so that {@code db downgrade -1} can be typed.
 * Command mode reads its arguments itself, so a quoted message keeps its spaces.
 */
package dev.migrations.boot.shell;
