package dev.migrations.boot.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import dev.migrations.Migrations;
import dev.migrations.revision.Revision;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * Completes revision ids (with their message as description) and, for targets, {@code head},
 * {@code heads} and {@code base}. Spring Shell asks for completions on TAB when the application
 * uses its JLine terminal.
 */
final class RevisionCompletionProvider implements CompletionProvider {

	private static final List<String> KEYWORDS = List.of("head", "heads", "base");

	private final ObjectProvider<Migrations> migrations;

	private final RevisionFilesReloader reloader;

	private final boolean keywords;

	private final String valueOption;

	/**
	 * @param migrations the facade whose revisions are proposed
	 * @param reloader reads the revisions again when their files changed, so new ones are proposed
	 * @param keywords whether to propose {@code head}, {@code heads} and {@code base}
	 * @param valueOption the one option whose value is a revision (e.g. {@code head}), or {@code null};
	 *        values of other options are not completed
	 */
	RevisionCompletionProvider(ObjectProvider<Migrations> migrations, RevisionFilesReloader reloader, boolean keywords,
			String valueOption) {
		this.migrations = migrations;
		this.reloader = reloader;
		this.keywords = keywords;
		this.valueOption = valueOption;
	}

	@Override
	public List<CompletionProposal> apply(CompletionContext context) {
		if (context.getCommandOption() != null && !Objects.equals(context.getCommandOption().longName(), this.valueOption)) {
			return List.of();
		}
		String word = context.currentWordUpToCursor();
		String prefix = (word != null) ? word : "";
		if (prefix.startsWith("-")) {
			return List.of();
		}
		List<CompletionProposal> proposals = new ArrayList<>();
		if (this.keywords) {
			for (String keyword : KEYWORDS) {
				if (keyword.startsWith(prefix)) {
					proposals.add(new CompletionProposal(keyword).category("targets"));
				}
			}
		}
		Migrations facade;
		try {
			facade = this.migrations.getIfAvailable();
			this.reloader.reloadIfChanged();
		}
		catch (RuntimeException ex) {
			// Completion must never fail the line being typed; the command will report the problem.
			return proposals;
		}
		if (facade == null) {
			return proposals;
		}
		List<String> heads = facade.graph().heads();
		List<Revision> revisions = new ArrayList<>(facade.graph().revisions());
		Collections.reverse(revisions);
		for (Revision revision : revisions) {
			if (revision.id().startsWith(prefix)) {
				proposals.add(new CompletionProposal(revision.id())
					.description(revision.message() + (heads.contains(revision.id()) ? " (head)" : ""))
					.category("revisions"));
			}
		}
		return proposals;
	}

}
