package dev.migrations.sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrations.Migrations;
import dev.migrations.entity.EntitySource;
import dev.migrations.sample.bulletin.Bulletin;
import dev.migrations.sample.bulletin.Label;
import dev.migrations.sample.crm.Contact;
import dev.migrations.sample.crm.ContactEvent;
import dev.migrations.sample.crm.Deal;
import dev.migrations.sample.crm.Invitation;
import dev.migrations.test.TestDatabase;

/**
 * The sample's entities as a developer's next commit changes them: variants (in {@code dev.migrations.variants},
 * outside the application's entity scan) replace the sample class of the same simple name or add a table.
 * The facade built here is what the {@code db} commands call, given these entities instead of the scanned ones.
 */
final class SampleEntities {

	/** The entity classes the sample application scans. */
	static final List<Class<?>> SAMPLE = List.of(Bulletin.class, Label.class, Contact.class, ContactEvent.class,
			Invitation.class, Deal.class);

	private SampleEntities() {
	}

	/** The sample's entities, with each variant replacing the sample class of its simple name, or added. */
	static EntitySource with(Class<?>... variants) {
		List<Class<?>> classes = new ArrayList<>(SAMPLE);
		for (Class<?> variant : variants) {
			classes.removeIf((entity) -> entity.getSimpleName().equals(variant.getSimpleName()));
			classes.add(variant);
		}
		return EntitySource.of(classes);
	}

	/**
	 * The facade on a database and a revisions directory, as {@code db ...} with
	 * {@code --migrations.locations=filesystem:<revisions>} builds it, comparing against these entities.
	 */
	static Migrations migrations(TestDatabase database, Path revisions, Class<?>... variants) {
		return Migrations.configure()
			.dataSource(database.dataSource())
			.locations("filesystem:" + revisions)
			.outputDirectory(revisions)
			.entities(with(variants))
			.load();
	}

}
