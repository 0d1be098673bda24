package dev.migrations.squash;

import java.nio.file.Path;
import java.util.List;

/**
 * A squash written by {@code db squash}.
 *
 * @param file the squash's revision file
 * @param revision the squash's id
 * @param point the last revision it replaces
 * @param replaces the revisions it stands for, oldest first
 * @param replacedSources where the replaced revisions were read from: the files that may be deleted
 *        once every database has recorded the squash point or the squash
 * @param tables how many tables the squash creates
 */
public record SquashResult(Path file, String revision, String point, List<String> replaces, List<String> replacedSources,
		int tables) {

	public SquashResult {
		replaces = List.copyOf(replaces);
		replacedSources = List.copyOf(replacedSources);
	}

}
