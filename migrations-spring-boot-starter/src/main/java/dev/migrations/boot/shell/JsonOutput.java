package dev.migrations.boot.shell;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrations.MigrationsStatus;
import dev.migrations.RevisionInfo;
import dev.migrations.diff.Difference;
import dev.migrations.tenant.TenantsStatus;

/**
 * What {@code --format json} prints: the field names of {@code /actuator/migrations}
 * ({@code MigrationsDescriptor}, {@code RevisionDescriptor}, {@code DriftDescriptor}), a {@code null}
 * left out as the endpoint leaves it out. Written by hand so that command mode needs no JSON library.
 */
final class JsonOutput {

	private JsonOutput() {
	}

	/** {@code db current}: where the database stands, as the endpoint's top level without the revisions. */
	static String status(MigrationsStatus status) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("current", status.current());
		json.put("heads", status.heads());
		json.put("upToDate", status.upToDate());
		json.put("pending", status.pending());
		if (!status.modified().isEmpty()) {
			// applied revisions whose upgrade changed since (the health indicator's name): `db upgrade` refuses on them
			json.put("modified", status.modified());
		}
		if (!status.failed().isEmpty()) {
			// why it is not up to date when nothing is pending: revisions that did not complete
			json.put("failed", status.failed());
		}
		if (!status.missing().isEmpty()) {
			// applied without a file here: a database ahead of this code (a newer release's), or files removed
			json.put("missing", status.missing());
		}
		return write(json);
	}

	/** {@code db heads}, {@code db history}: the ids of the heads and each revision as the endpoint describes it. */
	static String revisions(List<String> heads, List<RevisionInfo> revisions) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (heads != null) {
			json.put("heads", heads);
		}
		json.put("revisions", revisions.stream().map(JsonOutput::revision).toList());
		return write(json);
	}

	/** {@code db show}: one revision as the endpoint describes it. */
	static String revisionOf(RevisionInfo info) {
		return write(revision(info));
	}

	/** {@code db check}: the differences, as the endpoint's {@code drift}. */
	static String drift(List<Difference> differences, Instant checkedAt) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("status", differences.isEmpty() ? "NONE" : "DETECTED");
		json.put("checkedAt", checkedAt);
		json.put("differences", differences.stream().map(JsonOutput::difference).toList());
		return write(json);
	}

	/** One difference as the endpoint's {@code drift.differences} gives it. */
	static Map<String, Object> difference(Difference difference) {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("kind", difference.kind());
		one.put("object", difference.object());
		one.put("detail", difference.detail());
		return one;
	}

	/**
	 * {@code db current --tenant}: the tenants as {@code /actuator/migrations} summarises them
	 * ({@code heads}, {@code upToDate}, {@code tenants} with {@code total}, {@code parallelism},
	 * {@code counts}, {@code notUpToDate}, {@code notListed}).
	 */
	static String tenants(List<String> heads, TenantsStatus status, int parallelism) {
		Map<String, Object> counts = new LinkedHashMap<>();
		status.counts().entrySet().stream().sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> counts.put(entry.getKey().name(), entry.getValue()));
		Map<String, Object> tenants = new LinkedHashMap<>();
		tenants.put("total", status.tenants());
		tenants.put("parallelism", parallelism);
		tenants.put("counts", counts);
		tenants.put("notUpToDate", status.notUpToDate().stream().map((state) -> {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("tenant", state.tenant());
			one.put("state", state.state());
			one.put("current", state.current());
			one.put("pending", state.pending());
			one.put("failedRevision", state.failedRevision());
			one.put("error", state.error());
			return one;
		}).toList());
		tenants.put("notListed", status.notListed());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("heads", heads);
		json.put("upToDate", status.upToDate());
		json.put("tenants", tenants);
		return write(json);
	}

	private static Map<String, Object> revision(RevisionInfo info) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("revision", info.revision());
		json.put("downRevisions", info.downRevisions());
		json.put("message", info.message());
		json.put("state", info.state());
		json.put("appliedAt", info.appliedAt());
		json.put("executionMillis", info.executionMillis());
		json.put("checksum", info.checksum());
		if (info.state() == RevisionInfo.State.MODIFIED) {
			// what was applied, beside what the file holds now
			json.put("appliedChecksum", info.appliedChecksum());
		}
		if (info.state() == RevisionInfo.State.FAILED && info.error() != null) {
			// what the version table recorded about the failure, as the endpoint lists it
			json.put("error", info.error());
		}
		return json;
	}

	static String write(Object value) {
		StringBuilder json = new StringBuilder();
		append(json, value);
		return json.toString();
	}

	private static void append(StringBuilder json, Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Boolean || value instanceof Number) {
			json.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (entry.getValue() == null) {
					continue;
				}
				if (!first) {
					json.append(',');
				}
				first = false;
				string(json, entry.getKey().toString());
				json.append(':');
				append(json, entry.getValue());
			}
			json.append('}');
		}
		else if (value instanceof Collection<?> list) {
			json.append('[');
			boolean first = true;
			for (Object element : list) {
				if (!first) {
					json.append(',');
				}
				first = false;
				append(json, element);
			}
			json.append(']');
		}
		else {
			string(json, value.toString());
		}
	}

	private static void string(StringBuilder json, String text) {
		json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
