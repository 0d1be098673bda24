package dev.migrations.schema;

/**
 * A sequence.
 *
 * @param name sequence name
 * @param dataType {@code bigint}, {@code integer} or {@code smallint}
 * @param start start value
 * @param increment increment
 * @param minValue minimum value
 * @param maxValue maximum value
 * @param cache cache size
 * @param cycle whether it wraps around
 */
public record Sequence(String name, String dataType, long start, long increment, long minValue, long maxValue,
		long cache, boolean cycle) {
}
