package dev.migrations;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code db migrate -m MSG --sql} would write, nothing written.
 *
 * @param revisions the text of each revision {@code db migrate} would write, by file, in the order they run; empty
 *        when the entities match the database
 * @param warnings the warnings {@code db migrate} reports that the texts do not carry as {@code -- WARNING:}
 *        comments: what the comparison left out or cannot write (an entity of another schema, a collation), a view
 *        reading a column the revision drops
 */
public record MigrateSqlResult(Map<Path, String> revisions, List<String> warnings) {

	public MigrateSqlResult {
		revisions = Collections.unmodifiableMap(new LinkedHashMap<>(revisions));
		warnings = List.copyOf(warnings);
	}

}
