package dev.migrations.dialect;

/** A held database lock; closing it releases the lock and never throws. */
public interface DatabaseLock extends AutoCloseable {

	@Override
	void close();

}
