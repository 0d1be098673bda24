package dev.migrations.maven;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.maven.plugin.MojoFailureException;

/**
 * Classes compiled from Kotlin files that are no longer among the sources. The Java compiler plugin deletes
 * the classes of a deleted {@code .java} file when it compiles again; {@code kotlin-maven-plugin} leaves those
 * of a deleted {@code .kt} file in {@code target/classes}, where the command would still find a deleted entity
 * (and write no {@code DROP TABLE} for it), a deleted Java revision or bean.
 */
final class StaleKotlinClasses {

	private static final byte[] KOTLIN_METADATA = "Lkotlin/Metadata;".getBytes(StandardCharsets.UTF_8);

	private static final int LISTED = 5;

	private StaleKotlinClasses() {
	}

	/**
	 * Fails when a directory of compiled classes holds Kotlin classes whose source file (the class file's
	 * {@code SourceFile}) is in none of the source directories.
	 * @param classes the compiled classes of a module
	 * @param sourceDirectories where its sources are (source roots, generated sources), searched by file name
	 * @param goal the goal, for the command to type
	 */
	static void check(Path classes, Collection<Path> sourceDirectories, String goal) throws MojoFailureException {
		TreeMap<String, String> kotlinClasses = kotlinClasses(classes);
		if (kotlinClasses.isEmpty()) {
			return;
		}
		Set<String> sourceNames = fileNames(sourceDirectories);
		List<String> stale = new ArrayList<>();
		kotlinClasses.forEach((className, sourceFile) -> {
			if (!sourceNames.contains(sourceFile)) {
				stale.add(className + " (" + sourceFile + ")");
			}
		});
		if (stale.isEmpty()) {
			return;
		}
		String listed = String.join(", ", stale.subList(0, Math.min(LISTED, stale.size())))
				+ ((stale.size() > LISTED) ? " and " + (stale.size() - LISTED) + " more" : "");
		throw new MojoFailureException(classes + " holds classes compiled from Kotlin files that are no longer among the sources: "
				+ listed + ". kotlin-maven-plugin does not delete the classes of a deleted file, and the command would"
				+ " take them for the application's (a deleted entity's table would not be dropped): run"
				+ " `mvn clean migrations:" + goal + "` (with the same options) to compile afresh.");
	}

	/**
	 * The top-level Kotlin classes of a directory, by class name, each with the name of its source file. Nested
	 * classes go with theirs; a class Kotlin copies from a library's inline function
	 * ({@code ShopBeans$_init_$lambda$0$$inlined$registerBean$default$1}) names the library's file as its source.
	 */
	private static TreeMap<String, String> kotlinClasses(Path classes) throws MojoFailureException {
		TreeMap<String, String> found = new TreeMap<>();
		if (!Files.isDirectory(classes)) {
			return found;
		}
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : (Iterable<Path>) files.filter((path) -> path.toString().endsWith(".class"))::iterator) {
				if (file.getFileName().toString().indexOf('$') >= 0) {
					continue;
				}
				byte[] bytes = Files.readAllBytes(file);
				if (!MainClassFinder.contains(bytes, KOTLIN_METADATA)) {
					continue;
				}
				String sourceFile = sourceFile(bytes);
				if (sourceFile != null && sourceFile.endsWith(".kt")) {
					found.put(MainClassFinder.className(classes, file), sourceFile);
				}
			}
		}
		catch (IOException ex) {
			throw new MojoFailureException("Could not read the compiled classes in " + classes + ": " + ex.getMessage(), ex);
		}
		return found;
	}

	private static Set<String> fileNames(Collection<Path> directories) throws MojoFailureException {
		Set<String> names = new HashSet<>();
		for (Path directory : directories) {
			if (!Files.isDirectory(directory)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(directory)) {
				files.filter(Files::isRegularFile).forEach((file) -> names.add(file.getFileName().toString()));
			}
			catch (IOException ex) {
				throw new MojoFailureException("Could not read the sources in " + directory + ": " + ex.getMessage(), ex);
			}
		}
		return names;
	}

	/** The {@code SourceFile} attribute of a class file, {@code null} when it has none or cannot be read. */
	static String sourceFile(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			if (in.readInt() != 0xCAFEBABE) {
				return null;
			}
			in.skipBytes(4);
			int count = in.readUnsignedShort();
			String[] utf8 = new String[count];
			for (int i = 1; i < count; i++) {
				int tag = in.readUnsignedByte();
				switch (tag) {
					case 1 -> utf8[i] = in.readUTF();
					case 7, 8, 16, 19, 20 -> in.skipBytes(2);
					case 15 -> in.skipBytes(3);
					case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
					case 5, 6 -> {
						in.skipBytes(8);
						i++;
					}
					default -> {
						return null;
					}
				}
			}
			in.skipBytes(6);
			in.skipBytes(2 * in.readUnsignedShort());
			for (int members = 0; members < 2; members++) {
				int memberCount = in.readUnsignedShort();
				for (int m = 0; m < memberCount; m++) {
					in.skipBytes(6);
					skipAttributes(in);
				}
			}
			int attributes = in.readUnsignedShort();
			for (int a = 0; a < attributes; a++) {
				String name = utf8[in.readUnsignedShort()];
				int length = in.readInt();
				if ("SourceFile".equals(name)) {
					return utf8[in.readUnsignedShort()];
				}
				in.skipBytes(length);
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	private static void skipAttributes(DataInputStream in) throws IOException {
		int attributes = in.readUnsignedShort();
		for (int a = 0; a < attributes; a++) {
			in.skipBytes(2);
			in.skipBytes(in.readInt());
		}
	}

}
