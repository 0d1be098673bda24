package dev.migrations.schema;

import java.util.AbstractList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An immutable list, like {@code List.copyOf}, that also finds an element by name without a scan:
 * a schema of thousands of tables is looked up once per table, which a scan makes quadratic. The
 * index is built on the first lookup; the first element of a name wins, as a scan would find it.
 */
final class NamedList<T> extends AbstractList<T> implements RandomAccess {

	// below this, a scan is as fast as hashing and keeps no index
	private static final int SCANNED = 16;

	private final Object[] elements;

	private final Function<? super T, String> name;

	private volatile Map<String, T> byName;

	private NamedList(Object[] elements, Function<? super T, String> name) {
		this.elements = elements;
		this.name = name;
	}

	/** The elements, copied unless they already are such a list by the same name; no element may be null. */
	static <T> NamedList<T> copyOf(Collection<? extends T> elements, Function<? super T, String> name) {
		if (elements instanceof NamedList<? extends T> named && named.name == name) {
			@SuppressWarnings("unchecked")
			NamedList<T> same = (NamedList<T>) named;
			return same;
		}
		Object[] copy = elements.toArray();
		for (Object element : copy) {
			Objects.requireNonNull(element);
		}
		return new NamedList<>(copy, name);
	}

	/** The first element of that name. */
	Optional<T> find(String wanted) {
		if (this.elements.length <= SCANNED) {
			for (int i = 0; i < this.elements.length; i++) {
				T element = get(i);
				if (this.name.apply(element).equals(wanted)) {
					return Optional.of(element);
				}
			}
			return Optional.empty();
		}
		Map<String, T> index = this.byName;
		if (index == null) {
			index = new HashMap<>(this.elements.length * 2);
			for (int i = 0; i < this.elements.length; i++) {
				T element = get(i);
				index.putIfAbsent(this.name.apply(element), element);
			}
			this.byName = index;
		}
		return Optional.ofNullable(index.get(wanted));
	}

	@Override
	@SuppressWarnings("unchecked")
	public T get(int index) {
		return (T) this.elements[index];
	}

	@Override
	public int size() {
		return this.elements.length;
	}

}
