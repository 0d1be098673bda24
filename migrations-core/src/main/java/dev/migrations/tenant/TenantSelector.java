package dev.migrations.tenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.migrations.MigrationsException;

/**
 * Which tenants a command runs for: {@code all}, or names separated by commas ({@code acme,globex}).
 * A name that is no tenant is an error, so a typo never silently runs nothing.
 */
public final class TenantSelector {

	private static final TenantSelector ALL = new TenantSelector(null);

	private final Set<String> names;

	private TenantSelector(Set<String> names) {
		this.names = names;
	}

	public static TenantSelector all() {
		return ALL;
	}

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
	 * {@code all} for every tenant, else names separated by commas. Nothing (a blank, as {@code --tenant "$T"}
	 * gives with {@code T} unset) names no tenant, an error: it never stands for all of them.
	 */
	public static TenantSelector parse(String text) {
		if (text != null && text.strip().equalsIgnoreCase("all")) {
			return ALL;
		}
		if (text == null) {
			return of(List.of());
		}
		List<String> names = new ArrayList<>();
		for (String part : text.split(",")) {
			if (!part.isBlank()) {
				names.add(part.strip());
			}
		}
		return of(names);
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
			List<String> known = tenants.stream().limit(10).map(Tenant::name).toList();
			throw new MigrationsException("No tenant named " + String.join(", ", unknown) + " among the " + tenants.size()
					+ " tenant(s)" + (known.isEmpty() ? "" : " (" + String.join(", ", known)
							+ (tenants.size() > known.size() ? ", ..." : "") + ")")
					+ ". Check the name, or the tenants configured (migrations.tenants.schemas or migrations.tenants.query).");
		}
		return selected;
	}

	@Override
	public String toString() {
		return (this.names == null) ? "all" : String.join(",", this.names);
	}

}
