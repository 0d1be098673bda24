package dev.migrations.tenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.migrations.MigrationsException;

/**
 * Which tenants a command runs for: {@code all}, or names separated by commas ({@code acme,globex}).
 * A name that is no tenant is an error, so a typo never silently runs nothing.
 * <p>
 * A name is taken exactly as written between double quotes, a doubled {@code ""} standing for one
 * quote, as SQL quotes identifiers: {@code "all"} is the tenant named {@code all} (a bare {@code all}
 * is every tenant), {@code "a,b"} the tenant whose name has a comma, {@code " x "} one whose name
 * begins and ends with spaces (bare names are trimmed). {@link #toString()} writes the names that
 * way, and {@link #shellWord()} as one word of a POSIX shell command line, so that advice printed
 * as {@code --tenant } followed by it selects exactly these tenants when typed.
 */
public final class TenantSelector {

	private static final TenantSelector ALL = new TenantSelector(null);

	private static final String ALL_KEYWORD = "all";

	/** What a shell takes as it is in one word (with no quotes). */
	private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.,/:@%+=-]+");

	private final Set<String> names;

	private TenantSelector(Set<String> names) {
		this.names = names;
	}

	public static TenantSelector all() {
		return ALL;
	}

	/** These tenants, by their exact names ({@code of("all")} is the tenant named {@code all}). */
	public static TenantSelector of(String... names) {
		return of(Arrays.asList(names));
	}

	public static TenantSelector of(List<String> names) {
		if (names.isEmpty()) {
			throw new MigrationsException("No tenant named: give tenant names separated by commas, or `all`.");
		}
		return new TenantSelector(new LinkedHashSet<>(names));
	}

	/**
	 * {@code all} for every tenant, else names separated by commas, each bare (trimmed) or in double
	 * quotes (exact). Nothing (a blank, as {@code --tenant "$T"} gives with {@code T} unset) names no
	 * tenant, an error: it never stands for all of them.
	 */
	public static TenantSelector parse(String text) {
		if (text == null) {
			return of(List.of());
		}
		List<String> names = new ArrayList<>();
		boolean all = false;
		int i = 0;
		while (i <= text.length()) {
			while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
				i++;
			}
			String name;
			if (i < text.length() && text.charAt(i) == '"') {
				StringBuilder quoted = new StringBuilder();
				int j = i + 1;
				while (true) {
					if (j >= text.length()) {
						throw new MigrationsException("The tenant name " + text.substring(i) + " has no closing double quote:"
								+ " a name in double quotes ends with one (a quote in the name is written twice, \"\").");
					}
					char c = text.charAt(j++);
					if (c == '"') {
						if (j < text.length() && text.charAt(j) == '"') {
							quoted.append('"');
							j++;
							continue;
						}
						break;
					}
					quoted.append(c);
				}
				while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
					j++;
				}
				if (j < text.length() && text.charAt(j) != ',') {
					throw new MigrationsException("Unexpected " + text.substring(j) + " after the tenant name "
							+ text.substring(i, j).strip() + ": names are separated by commas.");
				}
				name = quoted.toString();
				if (name.isBlank()) {
					throw new MigrationsException("No tenant named " + text.substring(i, j).strip() + ": a tenant name is"
							+ " not blank.");
				}
				i = j + 1;
			}
			else {
				int comma = text.indexOf(',', i);
				int end = (comma < 0) ? text.length() : comma;
				name = text.substring(i, end).strip();
				i = end + 1;
				if (name.equalsIgnoreCase(ALL_KEYWORD)) {
					all = true;
					continue;
				}
				if (name.isEmpty()) {
					continue;
				}
			}
			names.add(name);
		}
		if (all) {
			if (!names.isEmpty()) {
				throw new MigrationsException("`all` selects every tenant and takes no other name; a tenant named all is"
						+ " written in double quotes: --tenant " + of(ALL_KEYWORD).shellWord() + ".");
			}
			return ALL;
		}
		return of(names);
	}

	/**
	 * How a name is written in a selector: bare when {@link #parse} reads it back as it is, else in double quotes; in
	 * quotes too when it begins or ends with a space that is not trimmed (a no-break space), which would not be seen.
	 */
	static String selectorName(String name) {
		boolean bare = !name.isEmpty() && !name.equalsIgnoreCase(ALL_KEYWORD) && name.indexOf(',') < 0
				&& name.charAt(0) != '"' && name.charAt(0) != '-' && name.strip().equals(name)
				&& !Character.isSpaceChar(name.charAt(0)) && !Character.isSpaceChar(name.charAt(name.length() - 1));
		return bare ? name : '"' + name.replace("\"", "\"\"") + '"';
	}

	/**
	 * The selector as one word of a POSIX shell command line ({@code sh}, {@code bash}): typed after
	 * {@code --tenant}, it selects exactly these tenants.
	 */
	public String shellWord() {
		String text = toString();
		return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
	}

	public boolean isAll() {
		return this.names == null;
	}

	/** The selected tenants, in the order of {@code tenants}; fails naming what is not a tenant. */
	public List<Tenant> select(List<Tenant> tenants) {
		if (this.names == null) {
			return tenants;
		}
		List<Tenant> selected = new ArrayList<>();
		Set<String> unknown = new LinkedHashSet<>(this.names);
		for (Tenant tenant : tenants) {
			if (this.names.contains(tenant.name())) {
				selected.add(tenant);
				unknown.remove(tenant.name());
			}
		}
		if (!unknown.isEmpty()) {
			List<String> known = tenants.stream().limit(10).map((tenant) -> selectorName(tenant.name())).toList();
			throw new MigrationsException("No tenant named " + unknown.stream().map(TenantSelector::selectorName)
				.collect(Collectors.joining(", ")) + " among the " + tenants.size()
					+ " tenant(s)" + (known.isEmpty() ? "" : " (" + String.join(", ", known)
							+ (tenants.size() > known.size() ? ", ..." : "") + ")")
					+ ". Check the name, or the tenants configured (migrations.tenants.schemas or migrations.tenants.query).");
		}
		return selected;
	}

	@Override
	public String toString() {
		return (this.names == null) ? ALL_KEYWORD
				: this.names.stream().map(TenantSelector::selectorName).collect(Collectors.joining(","));
	}

}
