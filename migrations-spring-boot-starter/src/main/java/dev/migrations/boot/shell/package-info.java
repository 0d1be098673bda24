/**
 * The {@code db} commands, thin layers over {@link dev.migrations.Migrations}: in command mode with the
 * starter alone, and in Spring Shell when it is there.
 *
 * <h2>Layers</h2>
 * The commands do not depend on Spring Shell: {@code DbCommands} declares each
 * {@code DbCommand} (its options, arguments, help and action, printing to a {@code CommandConsole}), and
 * {@code DbCommandLine} reads the words of a command line, runs one and returns its exit status, with the
 * overview ({@code db}, {@code db help}) and the answer to an unknown command ("did you mean"). Command
 * mode runs a {@code DbCommandLine} ({@link dev.migrations.boot.shell.MigrationsCommandsAutoConfiguration});
 * Spring Shell is only the interactive console, where {@code ShellDbCommand} adapts each command and
 * {@code DbGroupCommand} is {@code db} itself
 * ({@link dev.migrations.boot.shell.MigrationsShellAutoConfiguration}, on the class path only).
 *
 * <h2>Commands</h2>
 * {@code db init}, {@code db revision -m MSG [--head REV [--splice]] [--rev-id ID] [--branch-label L]...
 * [--depends-on REV]...}, {@code db migrate -m MSG [--rename OLD=NEW]... [--no-renames] [--online] [--sql]},
 * {@code db upgrade [TARGET] [--sql | --rehearse]}, {@code db downgrade TARGET [--sql]},
 * {@code db current}, {@code db heads}, {@code db history [-r FROM:TO] [--indicate-current]},
 * {@code db show REV} (these four with {@code --verbose} and {@code --format json}), {@code db branches},
 * {@code db edit [REV]}, {@code db stamp TARGET [--purge]}, {@code db check [--format json]},
 * {@code db merge -m MSG [REV...]}, {@code db squash REV [-m MSG]}, {@code db create-db}, {@code db lint [REV...] [--all]} and
 * {@code db rehearse [TARGET] [--rollback]} ({@code SafetyCommands}); {@code db} alone lists them and
 * {@code db <command> --help} explains one. {@code --format json} prints the field names of
 * {@code /actuator/migrations} ({@code JsonOutput}). Exit status: 0 done, 1 {@code db check} found
 * differences or {@code db lint} found errors, 2 for every failure (its message is printed, never a stack trace; {@code --debug} or
 * {@code logging.level.dev.migrations.boot.shell=debug} adds the trace).
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
 * {@code CommandModeRunner}.
 * <p>
 * When nothing the command uses comes from the application context, the context does not start at all:
 * {@link dev.migrations.boot.shell.CommandModeFastStart} runs the command once Spring Boot has prepared the
 * environment, with a {@code Migrations} configured from the properties
 * ({@link dev.migrations.boot.CommandModeMigrations}), after {@code ApplicationBeanScan} has read the
 * application's class files and found no bean the command would take from the context.
 * <p>
 * The exit contract holds for failures before the command runs too: when the application fails to start
 * in command mode (a revision file that does not load while a bean needs the {@code Migrations} facade,
 * a database that cannot be reached), {@link dev.migrations.boot.shell.CommandModeFailureListener} prints
 * the message (first line: what went wrong and where; then what to do) on standard error and exits with
 * 2, in place of Spring Boot's report; the loggers that would report the same failure with a stack trace
 * (the connection pool, Hibernate's JDBC errors, the context's refresh warning) are off in command mode
 * unless the application configures them.
 *
 * <h2>Spring Shell without a terminal</h2>
 * Spring Shell's own runner starts its console even when standard input is not a terminal and then ends
 * the application at once (containers, {@code nohup}, {@code </dev/null}), and without the console runs
 * the arguments as a command, {@code --server.port=0} included. {@code ShellStartupRunner} takes its place
 * (Spring Shell's runner steps back when another {@code ApplicationRunner} exists): the console starts
 * only with a terminal, a command only when the arguments hold one, Spring properties left out. The console
 * opens once the application is ready, on a thread of its own (Spring Shell's runner would hold the
 * application's start-up, and with it readiness and the drift check, until {@code exit}); {@code exit} closes
 * the application. Before each command the revisions are read again when their files changed on disk
 * ({@code RevisionFilesReloader}). With Spring Shell's JLine module the console has line editing, history
 * and TAB completion ({@code RevisionCompletionProvider}, {@code ArgumentCompleter}).
 *
 * <h2>Spring Shell 4.0 as found</h2>
 * The shell commands are {@code Command} beans built on {@code AbstractCommand}, not annotated methods:
 * annotated methods are discovered only in the application's own package, always exit with status 0
 * and cannot receive an option given twice. The shell's parser looks up boolean options on the
 * command named like the first word only, so the {@code db} command declares the flags of all
 * {@code db} commands, and {@code -1} to {@code -9} so that {@code db downgrade -1} can be typed.
 * Command mode reads its arguments itself, so a quoted message keeps its spaces.
 */
package dev.migrations.boot.shell;
