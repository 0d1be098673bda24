package dev.migrations.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Medians and the number formats of the report. */
final class Stats {

	private Stats() {
	}

	static double median(List<Double> values) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	static double millis(long nanos) {
		return nanos / 1_000_000.0;
	}

	static String ms(double millis) {
		if (Double.isNaN(millis)) {
			return "n/a";
		}
		return (millis >= 100) ? String.format(Locale.ROOT, "%,.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
	}

	static String ratio(double ours, double reference) {
		if (Double.isNaN(ours) || Double.isNaN(reference) || reference == 0) {
			return "n/a";
		}
		return String.format(Locale.ROOT, "%.2f×", ours / reference);
	}

	static String mb(long bytes) {
		return String.format(Locale.ROOT, "%,.0f", bytes / (1024.0 * 1024.0));
	}

	/** Every run, to show the spread behind a median. */
	static String spread(List<Double> values) {
		return values.stream().map(Stats::ms).reduce((a, b) -> a + ", " + b).orElse("");
	}

}
