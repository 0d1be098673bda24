package dev.migrations.entity;

import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.spi.MetadataImplementor;
import org.hibernate.generator.GeneratorCreationContext;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.GeneratorCreator;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.RootClass;
import org.hibernate.mapping.Value;
import org.hibernate.service.ServiceRegistry;

/**
 * Creates the value generators of the entities' properties the way the application's SessionFactory does
 * when it starts, before any DDL is generated: a generator may change the mapping it is created for, as
 * {@code @CreationTimestamp}, {@code @UpdateTimestamp} and {@code @CurrentTimestamp} make their column
 * {@code not null} (Hibernate 7.3 and later). The metadata alone never sees this. Identifier generators are
 * not created (they change no column); a generator that cannot be created here (it needs the running
 * SessionFactory) is left out, as if it changed nothing.
 */
final class GeneratedValueDdl {

	private GeneratedValueDdl() {
	}

	static void apply(MetadataImplementor metadata, ServiceRegistry registry) {
		for (PersistentClass entity : metadata.getEntityBindings()) {
			for (Property property : entity.getProperties()) {
				create(metadata.getDatabase(), registry, entity, property);
			}
		}
	}

	private static void create(Database database, ServiceRegistry registry, PersistentClass entity, Property property) {
		if (property.getValue() instanceof Component component) {
			for (Property nested : component.getProperties()) {
				create(database, registry, entity, nested);
			}
		}
		GeneratorCreator creator = property.getValueGeneratorCreator();
		if (creator == null) {
			return;
		}
		try {
			creator.createGenerator(new Context(database, registry, entity, property));
		}
		catch (RuntimeException | LinkageError ex) {
			// a generator that needs the running SessionFactory: it is created there, and changes no column here
		}
	}

	private record Context(Database database, ServiceRegistry registry, PersistentClass entity, Property property)
			implements GeneratorCreationContext {

		@Override
		public Database getDatabase() {
			return this.database;
		}

		@Override
		public ServiceRegistry getServiceRegistry() {
			return this.registry;
		}

		@Override
		public String getDefaultCatalog() {
			return null;
		}

		@Override
		public String getDefaultSchema() {
			return null;
		}

		@Override
		public PersistentClass getPersistentClass() {
			return this.entity;
		}

		@Override
		public RootClass getRootClass() {
			return this.entity.getRootClass();
		}

		@Override
		public Property getProperty() {
			return this.property;
		}

		@Override
		public Value getValue() {
			return this.property.getValue();
		}

	}

}
