package dev.migrations;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabaseExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A startup with nothing pending, in a JVM that has not loaded migrations yet: the classes its upgrade needs
 * are loaded by {@code load()}'s thread reading the revision files, while the caller connects, so that none is
 * left to load (and verify) on the caller's thread after its connection is open. What the cold startup benchmark
 * (P1 cold) measures the effect of; this test keeps the list of those classes complete.
 */
@ExtendWith(TestDatabaseExtension.class)
class StartupClassesTest {

	@TempDir
	Path directory;

	@Test
	void aNoOpUpgradeLoadsNoClassOfItsOwnAfterLoad(TestDatabase db) throws Exception {
		RevisionFiles files = new RevisionFiles(this.directory);
		files.write("aaaa00000001", "none", "notes", "CREATE TABLE note (body text);", "DROP TABLE note;");
		files.write("aaaa00000002", "aaaa00000001", "tags", "CREATE TABLE tag (name text);", "DROP TABLE tag;");
		Migrations.configure().dataSource(db.dataSource()).locations(files.location()).load().upgrade("head");

		try (FreshClasses classes = new FreshClasses()) {
			@SuppressWarnings("unchecked")
			BiFunction<DataSource, String, Runnable> probe = (BiFunction<DataSource, String, Runnable>) classes
				.loadClass(StartupClassesProbe.class.getName())
				.getConstructor()
				.newInstance();
			Runnable upgrade = probe.apply(db.dataSource(), files.location());
			assertThat(classes.loaded()).as("classes loaded by load()").contains(Migrations.class.getName());

			classes.startRecording();
			upgrade.run();

			assertThat(classes.recorded()).as("classes loaded by the upgrade after load()").isEmpty();
		}
	}

	/**
	 * Defines the classes of migrations (and of the probe) itself, from where this JVM has them, and delegates the
	 * rest (JDBC, logging, the test kit): a JVM that has not loaded migrations yet, without starting one.
	 */
	private static final class FreshClasses extends URLClassLoader {

		private final List<String> loaded = Collections.synchronizedList(new ArrayList<>());

		private final List<String> recorded = Collections.synchronizedList(new ArrayList<>());

		private volatile boolean recording;

		FreshClasses() {
			super(new URL[] { location(Migrations.class), location(StartupClassesProbe.class) },
					StartupClassesTest.class.getClassLoader());
		}

		private static URL location(Class<?> type) {
			return type.getProtectionDomain().getCodeSource().getLocation();
		}

		@Override
		protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
			if (!name.startsWith("dev.migrations.") || name.startsWith("dev.migrations.test.")) {
				return super.loadClass(name, resolve);
			}
			synchronized (getClassLoadingLock(name)) {
				Class<?> type = findLoadedClass(name);
				if (type == null) {
					type = findClass(name);
					this.loaded.add(name);
					if (this.recording) {
						this.recorded.add(name);
					}
				}
				if (resolve) {
					resolveClass(type);
				}
				return type;
			}
		}

		void startRecording() {
			this.recording = true;
		}

		List<String> loaded() {
			return List.copyOf(this.loaded);
		}

		List<String> recorded() {
			return List.copyOf(this.recorded);
		}

	}

}
