package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown tables the run prints: one row per comparison (ours against one reference tool), and
 * a wider table for autogenerate with query counts and memory.
 */
final class Report {

	/** One comparison of a median time of ours with a reference tool's. */
	record Row(String benchmark, double oursMillis, String reference, double referenceMillis, String target,
			Boolean met, String notes) {

		String ratio() {
			return Stats.ratio(this.oursMillis, this.referenceMillis);
		}

	}

	/** One autogenerate measurement (ours or Hibernate's) with its costs. */
	record CheckRow(String benchmark, String tool, double millis, String queries, long peakHeap, long liveHeap,
			long allocated, String result) {

	}

	/** One load test: latency percentiles in milliseconds, throughput in requests per second. */
	record LoadRow(String benchmark, double p50, double p95, double p99, double max, double throughput, int failures,
			String notes) {

	}

	/** A target that is not a ratio (an absolute time, a growth factor). */
	record TargetRow(String target, String measured, boolean met) {

	}

	private final List<Row> rows = new ArrayList<>();

	private final List<CheckRow> checkRows = new ArrayList<>();

	private final List<LoadRow> loadRows = new ArrayList<>();

	private final List<TargetRow> targetRows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void add(Row row) {
		this.rows.add(row);
		System.err.println("  " + row.benchmark() + ": ours " + Stats.ms(row.oursMillis()) + " ms, " + row.reference() + " "
				+ Stats.ms(row.referenceMillis()) + " ms (" + row.ratio() + ")");
	}

	void add(CheckRow row) {
		this.checkRows.add(row);
		System.err.println("  " + row.benchmark() + " / " + row.tool() + ": " + Stats.ms(row.millis()) + " ms, " + row.result());
	}

	void add(LoadRow row) {
		this.loadRows.add(row);
		System.err.println("  " + row.benchmark() + ": p50 " + Stats.ms(row.p50()) + " ms, p99 " + Stats.ms(row.p99())
				+ " ms, " + Stats.ms(row.throughput()) + " requests/s, " + row.failures() + " failures");
	}

	void add(TargetRow row) {
		this.targetRows.add(row);
	}

	void note(String note) {
		this.notes.add(note);
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		if (!this.rows.isEmpty()) {
			out.append("| benchmark | migrations (ms) | reference | reference (ms) | ratio | target | met | runs (ms, ours / reference) |\n");
			out.append("| --- | ---: | --- | ---: | ---: | --- | --- | --- |\n");
			for (Row row : this.rows) {
				out.append("| ").append(row.benchmark()).append(" | ").append(Stats.ms(row.oursMillis())).append(" | ")
					.append(row.reference()).append(" | ").append(Stats.ms(row.referenceMillis())).append(" | ")
					.append(row.ratio()).append(" | ").append(row.target()).append(" | ")
					.append((row.met() == null) ? "—" : row.met() ? "yes" : "**no**").append(" | ")
					.append(row.notes()).append(" |\n");
			}
			out.append('\n');
		}
		if (!this.checkRows.isEmpty()) {
			out.append("| benchmark | tool | median (ms) | reads / other statements (time waiting for each) | peak heap used (MB) "
					+ "| max live after GC (MB) | allocated (MB) | result |\n");
			out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
			for (CheckRow row : this.checkRows) {
				out.append("| ").append(row.benchmark()).append(" | ").append(row.tool()).append(" | ")
					.append(Stats.ms(row.millis())).append(" | ").append(row.queries()).append(" | ")
					.append(Stats.mb(row.peakHeap())).append(" | ")
					.append((row.liveHeap() > 0) ? Stats.mb(row.liveHeap()) : "no GC ran").append(" | ")
					.append(Stats.mb(row.allocated())).append(" | ").append(row.result()).append(" |\n");
			}
			out.append('\n');
		}
		if (!this.loadRows.isEmpty()) {
			out.append("| benchmark | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | throughput (requests/s) | failures | notes |\n");
			out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
			for (LoadRow row : this.loadRows) {
				out.append("| ").append(row.benchmark()).append(" | ").append(Stats.ms(row.p50())).append(" | ")
					.append(Stats.ms(row.p95())).append(" | ").append(Stats.ms(row.p99())).append(" | ")
					.append(Stats.ms(row.max())).append(" | ").append(Stats.ms(row.throughput())).append(" | ")
					.append(row.failures()).append(" | ").append(row.notes()).append(" |\n");
			}
			out.append('\n');
		}
		if (!this.targetRows.isEmpty()) {
			out.append("| target | measured | met |\n| --- | --- | --- |\n");
			for (TargetRow row : this.targetRows) {
				out.append("| ").append(row.target()).append(" | ").append(row.measured()).append(" | ")
					.append(row.met() ? "yes" : "**no**").append(" |\n");
			}
			out.append('\n');
		}
		for (String note : this.notes) {
			out.append("- ").append(note).append('\n');
		}
		return out.toString();
	}

}
