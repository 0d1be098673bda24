package dev.migrations.revision;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.slf4j.LoggerFactory;

import dev.migrations.sql.SqlSyntax;

/**
 * Finds revisions: {@code .sql} files under locations ({@code classpath:db/revisions},
 * {@code filesystem:/path/to/revisions}; a location without prefix is a classpath location) and
 * {@link JavaRevision} classes in packages. Directories are searched recursively; classpath
 * locations work in directories, jars and Spring Boot's nested jars. Only names ending in lower-case
 * {@code .sql} are revisions (as Flyway reads its suffixes); a file ending in {@code .SQL} or another
 * mix of cases is not read, and a warning names it.
 */
public final class RevisionSources {

	private RevisionSources() {
	}

	/** Parses every {@code .sql} file under the locations, in a stable order, finding section lines with PostgreSQL's syntax. */
	public static List<Revision> loadSql(List<String> locations, ClassLoader classLoader) {
		return loadSql(locations, classLoader, SqlSyntax.POSTGRESQL);
	}

	/**
	 * Parses every {@code .sql} file under the locations, in a stable order.
	 * @param locations {@code classpath:} or {@code filesystem:} locations
	 * @param classLoader where class path locations are looked up
	 * @param syntax the lexical rules of the database, by which a section line inside a string,
	 * quoted identifier, comment or dollar quote is told from a real one
	 * @return the revisions
	 */
	public static List<Revision> loadSql(List<String> locations, ClassLoader classLoader, SqlSyntax syntax) {
		// no lambda: this runs at every startup, where the first one costs a fresh JVM its bootstrap
		return loadSql(locations, classLoader, syntax, null);
	}

	/**
	 * Parses every {@code .sql} file under the locations, in a stable order, leaving out a file that does not
	 * parse when {@code skipUnparsable} accepts it (given its source and why it does not parse), e.g. a stale
	 * copy in the build output of a file deleted since; any other such file fails the call.
	 * @param locations {@code classpath:} or {@code filesystem:} locations
	 * @param classLoader where class path locations are looked up
	 * @param syntax the lexical rules of the database
	 * @param skipUnparsable whether to leave out a file that does not parse; {@code null} for never
	 * @return the revisions
	 */
	public static List<Revision> loadSql(List<String> locations, ClassLoader classLoader, SqlSyntax syntax,
			BiPredicate<String, RevisionFileException> skipUnparsable) {
		List<Map<String, byte[]>> read = new ArrayList<>(locations.size());
		for (String location : locations) {
			// in the order of their names already: no sorting again for one location
			Map<String, byte[]> located = new LinkedHashMap<>();
			read.add(located);
			List<String> otherCase = new ArrayList<>();
			try {
				readSqlFiles(location, classLoader, located, otherCase);
			}
			catch (UncheckedIOException | RevisionFileException ex) {
				requireUtf8(read);
				throw ex;
			}
			warnOtherCase(location, otherCase);
		}
		Map<String, byte[]> files = (read.size() == 1) ? read.get(0) : new TreeMap<>();
		if (read.size() > 1) {
			for (Map<String, byte[]> located : read) {
				files.putAll(located);
			}
		}
		List<Revision> revisions = new ArrayList<>(files.size());
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			try {
				revisions.add(RevisionFileParser.parse(file.getValue(), file.getKey(), syntax));
			}
			catch (RevisionFileException ex) {
				requireUtf8(read);
				if (skipUnparsable == null || !skipUnparsable.test(file.getKey(), ex)) {
					throw ex;
				}
			}
		}
		return revisions;
	}

	/** Names the files of a location that end in {@code .sql} in another case, which are not read. */
	private static void warnOtherCase(String location, List<String> otherCase) {
		if (otherCase.isEmpty()) {
			return;
		}
		otherCase.sort(null);
		LoggerFactory.getLogger(RevisionSources.class)
			.warn("{} file(s) in the revisions location {} are not read as revisions, because only names ending in"
					+ " lower-case .sql are: {}; rename them to end in .sql", otherCase.size(), location,
					String.join(", ", otherCase));
	}

	/**
	 * Fails on the first file, in the order they were read, that is not UTF-8: a file is decoded
	 * only when it is parsed, but that error comes before any other, as when each was decoded as it was read.
	 */
	private static void requireUtf8(List<Map<String, byte[]>> read) {
		for (Map<String, byte[]> files : read) {
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				decode(file.getValue(), file.getKey());
			}
		}
	}

	/** Instantiates the concrete {@link JavaRevision} classes in the packages (and their sub-packages). */
	public static List<Revision> loadJava(List<String> packages, ClassLoader classLoader) {
		List<Revision> revisions = new ArrayList<>();
		for (String packageName : packages) {
			String path = packageName.replace('.', '/');
			Map<String, String> classes = new TreeMap<>();
			for (Map.Entry<String, URL> entry : listResources(path, ".class", classLoader).entrySet()) {
				String name = entry.getKey();
				if (name.contains("$") || !name.endsWith(".class")) {
					continue;
				}
				classes.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), name);
			}
			for (String className : classes.keySet()) {
				instantiate(className, classLoader).ifPresent((revision) -> revisions.add(RevisionFileParser.fromJava(revision)));
			}
		}
		return revisions;
	}

	/** Wraps Java revision instances (e.g. Spring beans). */
	public static List<Revision> fromInstances(Collection<? extends JavaRevision> instances) {
		List<Revision> revisions = new ArrayList<>(instances.size());
		for (JavaRevision instance : instances) {
			revisions.add(RevisionFileParser.fromJava(instance));
		}
		return Collections.unmodifiableList(revisions);
	}

	private static Optional<JavaRevision> instantiate(String className, ClassLoader classLoader) {
		Class<?> type;
		try {
			type = Class.forName(className, false, classLoader);
		}
		catch (UnsupportedClassVersionError ex) {
			// left out, a revision (most likely what a class of the package is) would be missing from the graph
			throw new RevisionException("Java revision class " + className + " " + NewerJava.describe(ex)
					+ ", or compile the revisions with --release " + NewerJava.running(), ex);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return Optional.empty();
		}
		if (!JavaRevision.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			return Optional.empty();
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor();
			constructor.setAccessible(true);
			return Optional.of((JavaRevision) constructor.newInstance());
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new RevisionException("Java revision class " + className
					+ " cannot be created: it needs a public no-argument constructor (" + ex + ")", ex);
		}
	}

	/**
	 * Reads the {@code .sql} files of a location into {@code files}, in the order of their names, and
	 * adds to {@code otherCase} the names ending in {@code .sql} in another case.
	 */
	private static void readSqlFiles(String location, ClassLoader classLoader, Map<String, byte[]> files,
			List<String> otherCase) {
		if (location.startsWith("filesystem:")) {
			Path root = Paths.get(location.substring("filesystem:".length()));
			if (!Files.isDirectory(root)) {
				return;
			}
			List<String> found;
			try {
				found = findFiles(root, ".sql");
			}
			catch (IOException ex) {
				throw unreadable(root.toString(), ex);
			}
			catch (UncheckedIOException ex) {
				throw unreadable(root.toString(), ex.getCause());
			}
			for (String file : found) {
				if (file.endsWith(".sql")) {
					try {
						files.put(file, readAllBytes(file));
					}
					catch (IOException ex) {
						throw unreadable(file, ex);
					}
				}
				else {
					otherCase.add(file);
				}
			}
			return;
		}
		String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
		path = trimSlashes(path);
		for (Map.Entry<String, URL> entry : listResources(path, ".sql", classLoader).entrySet()) {
			if (!entry.getKey().endsWith(".sql")) {
				otherCase.add(entry.getKey());
				continue;
			}
			try (InputStream in = entry.getValue().openStream()) {
				files.put(entry.getKey(), in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read revision " + entry.getKey(), ex);
			}
		}
	}

	/**
	 * A file or directory of a location that cannot be read, named with the system's reason: "Could not read
	 * revisions under" the location would leave the user to find which one, and why.
	 * @param path the file read or the directory listed when the failure does not name one
	 */
	private static RevisionFileException unreadable(String path, IOException ex) {
		String failed = (ex instanceof FileSystemException system && system.getFile() != null) ? system.getFile() : path;
		String reason;
		if (ex instanceof AccessDeniedException) {
			reason = "permission denied";
		}
		else if (ex instanceof FileSystemException system && system.getReason() != null) {
			reason = system.getReason();
		}
		else if (ex.getMessage() != null && ex.getMessage().startsWith(failed + " (") && ex.getMessage().endsWith(")")) {
			// FileInputStream's words: "<path> (Permission denied)"
			reason = ex.getMessage().substring(failed.length() + 2, ex.getMessage().length() - 1);
		}
		else {
			reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		}
		String what = Files.isDirectory(Paths.get(failed)) ? "the directory" : "the file";
		RevisionFileException failure = new RevisionFileException(failed, 0, what + " cannot be read (" + reason
				+ "), so the revisions of the location are not known; give the user running the command read access to "
				+ (what.equals("the directory") ? "it (r and x)" : "it") + ", or move it out of the revision locations");
		failure.initCause(ex);
		return failure;
	}

	/**
	 * Fails on a link named like a revision file whose target is missing (or cannot be reached): leaving it out
	 * would leave its revision out without a word, and nothing else misses the newest revision, a head. Names
	 * starting with a dot are left alone: Emacs marks a file being edited with such a link ({@code .#<name>}).
	 */
	private static void rejectDanglingLink(Path file) {
		String name = file.getFileName().toString();
		if (name.startsWith(".") || !Files.isSymbolicLink(file) || Files.exists(file)) {
			return;
		}
		String target;
		try {
			target = Files.readSymbolicLink(file).toString();
		}
		catch (IOException ex) {
			target = "a path that cannot be read";
		}
		throw new RevisionFileException(file.toString(), 0, "a symbolic link to " + target + ", which does not exist,"
				+ " so the revision it stands for cannot be read; point the link at the revision file (or put the file"
				+ " in its place), or delete the link");
	}

	/** Whether a location exists (a directory on the file system or on the class path). */
	public static boolean exists(String location, ClassLoader classLoader) {
		if (location.startsWith("filesystem:")) {
			return Files.isDirectory(Paths.get(location.substring("filesystem:".length())));
		}
		String path = trimSlashes(location.startsWith("classpath:") ? location.substring("classpath:".length()) : location);
		try {
			return classLoader.getResources(path).hasMoreElements();
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String trimSlashes(String path) {
		String trimmed = path;
		while (trimmed.startsWith("/")) {
			trimmed = trimmed.substring(1);
		}
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	/**
	 * Resource names (relative to the class path root) under {@code path} ending in {@code suffix} in any
	 * case (the callers tell a revision from a misnamed one).
	 */
	private static Map<String, URL> listResources(String path, String suffix, ClassLoader classLoader) {
		Map<String, URL> found = new TreeMap<>();
		Enumeration<URL> roots;
		try {
			roots = classLoader.getResources(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list class path location " + path, ex);
		}
		while (roots.hasMoreElements()) {
			URL root = roots.nextElement();
			try {
				if ("file".equals(root.getProtocol())) {
					Path directory = Paths.get(root.toURI());
					for (Path file : find(directory, suffix)) {
						String relative = directory.relativize(file).toString().replace('\\', '/');
						found.put(path + "/" + relative, file.toUri().toURL());
					}
				}
				else {
					URLConnection connection = root.openConnection();
					if (connection instanceof JarURLConnection jarConnection) {
						jarConnection.setUseCaches(false);
						try (JarFile jar = jarConnection.getJarFile()) {
							String prefix = jarConnection.getEntryName();
							prefix = (prefix == null) ? "" : trimSlashes(prefix) + "/";
							String base = root.toString();
							base = base.endsWith("/") ? base : base + "/";
							Enumeration<JarEntry> entries = jar.entries();
							while (entries.hasMoreElements()) {
								JarEntry entry = entries.nextElement();
								String name = entry.getName();
								if (!entry.isDirectory() && name.startsWith(prefix) && endsWithIgnoringCase(name, suffix)) {
									String relative = name.substring(prefix.length());
									found.put(path + "/" + relative, new URL(base + relative));
								}
							}
						}
					}
				}
			}
			catch (IOException | URISyntaxException ex) {
				throw new UncheckedIOException("Could not list " + URLDecoder.decode(root.toString(), StandardCharsets.UTF_8),
						(ex instanceof IOException io) ? io : new IOException(ex));
			}
		}
		return found;
	}

	/**
	 * The paths of the regular files (or links to them) under a directory, recursively, whose names
	 * end with the suffix in any case, as {@link #find} gives them: with {@code java.io.File}, whose listing makes
	 * no object per entry but its name, and one status of each entry; {@link #find} itself when a
	 * directory cannot be listed (to report it as it does) or the path is empty.
	 */
	private static List<String> findFiles(Path root, String suffix) throws IOException {
		String directory = root.toString();
		String prefix = directory.endsWith(File.separator) ? directory : directory + File.separator;
		List<String> relative = new ArrayList<>();
		List<String> found = new ArrayList<>();
		if (directory.isEmpty() || !listFiles(prefix, "", suffix, relative)) {
			for (Path file : find(root, suffix)) {
				found.add(file.toString());
			}
			found.sort(null);
			return found;
		}
		// sorted without the directory's path, which every name would compare first
		String[] sorted = relative.toArray(new String[0]);
		Arrays.sort(sorted);
		for (String name : sorted) {
			found.add(prefix.concat(name));
		}
		return found;
	}

	// the names under prefix + relative, relative to prefix; false when a directory cannot be listed
	private static boolean listFiles(String prefix, String relative, String suffix, List<String> found) {
		// String.concat: no call site of the string concatenation to run in the interpreter for every file
		String[] names = new File(prefix.concat(relative)).list();
		if (names == null) {
			return false;
		}
		for (String name : names) {
			String path = relative.concat(name);
			File file = new File(prefix.concat(path));
			// as the walk of the file tree: links followed to a file, not to a directory
			if (endsWithIgnoringCase(name, suffix) && file.isFile()) {
				found.add(path);
			}
			else if (file.isDirectory()) {
				if (!Files.isSymbolicLink(file.toPath()) && !listFiles(prefix, path.concat(File.separator), suffix, found)) {
					return false;
				}
			}
			else if (endsWithIgnoringCase(name, suffix) && !file.exists()) {
				rejectDanglingLink(file.toPath());
			}
		}
		return true;
	}

	/**
	 * The regular files (or links to them) under a directory, recursively, whose names end with the
	 * suffix in any case. One directory read and no extra file status per file, which a stream from
	 * {@link Files#walk} filtered with {@link Files#isRegularFile} takes.
	 */
	private static List<Path> find(Path directory, String suffix) throws IOException {
		List<Path> found = new ArrayList<>();
		Files.walkFileTree(directory, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				if (endsWithIgnoringCase(file.toString(), suffix)
						&& (attributes.isRegularFile() || (attributes.isSymbolicLink() && Files.isRegularFile(file)))) {
					found.add(file);
				}
				else if (attributes.isSymbolicLink() && endsWithIgnoringCase(file.toString(), suffix)) {
					rejectDanglingLink(file);
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
				// as Files.walk reports what it cannot read below the directory itself
				if (file.equals(directory)) {
					throw ex;
				}
				throw new UncheckedIOException(ex);
			}

		});
		return found;
	}

	private static boolean endsWithIgnoringCase(String name, String suffix) {
		return name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length());
	}

	// A plain file stream: half the time of Files.readAllBytes's channel in a fresh JVM.
	private static byte[] readAllBytes(String file) throws IOException {
		try (FileInputStream in = new FileInputStream(file)) {
			return in.readAllBytes();
		}
	}

	/** The text of a revision file, which must be UTF-8. */
	static String decode(byte[] bytes, String source) {
		if (isUtf16(bytes)) {
			throw new RevisionFileException(source, 1, "the file is UTF-16, not UTF-8: save it as UTF-8 (in PowerShell,"
					+ " `Set-Content -Encoding utf8` or `Out-File -Encoding utf8`)");
		}
		// Most revision files are ASCII, which a plain decode reads as it is: the same length and no
		// replacement character means every byte was ASCII. Anything else is checked strictly.
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.length() == bytes.length && text.indexOf('\uFFFD') < 0) {
			return text;
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			int offset = firstInvalidUtf8(bytes);
			int line = 1;
			int lineStart = 0;
			for (int i = 0; i < offset; i++) {
				if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
					line++;
					lineStart = i + 1;
				}
			}
			throw new RevisionFileException(source, line, String.format("the file is not valid UTF-8: byte 0x%02X at byte"
					+ " offset %d (byte %d of line %d) is not part of a UTF-8 character; the file was probably saved as"
					+ " Latin-1 or Windows-1252: save it as UTF-8", bytes[offset] & 0xff, offset, offset - lineStart + 1, line));
		}
	}

	/**
	 * A UTF-16 byte order mark, or text whose first two characters are ASCII in UTF-16 (every other byte NUL), as a
	 * revision's first line is: what Windows PowerShell's {@code >} writes, which would otherwise be reported as a
	 * Latin-1 byte or a NUL byte.
	 */
	private static boolean isUtf16(byte[] bytes) {
		if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
				|| (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
			return true;
		}
		return bytes.length >= 4 && ((bytes[0] != 0 && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0)
				|| (bytes[0] == 0 && bytes[1] != 0 && bytes[2] == 0 && bytes[3] != 0));
	}

	/** The offset of the first byte that is not part of a valid UTF-8 sequence (the length when there is none). */
	private static int firstInvalidUtf8(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(1024);
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isError()) {
				return in.position();
			}
			if (result.isOverflow()) {
				out.clear();
			}
			else {
				return Math.min(in.position(), bytes.length - 1);
			}
		}
	}

}
