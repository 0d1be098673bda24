package dev.migrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A position in a range of a statement's tokens, with the few moves the recogniser needs: match
 * keywords, read a (qualified) name, skip a parenthesised group, split at top-level commas.
 */
final class SqlCursor {

	private final List<Token> tokens;

	private final int end;

	private int pos;

	SqlCursor(List<Token> tokens) {
		this(tokens, 0, tokens.size());
	}

	SqlCursor(List<Token> tokens, int from, int to) {
		this.tokens = tokens;
		this.pos = from;
		this.end = to;
	}

	boolean atEnd() {
		return this.pos >= this.end;
	}

	/** The current token, {@code null} at the end. */
	Token peek() {
		return peek(0);
	}

	Token peek(int ahead) {
		int index = this.pos + ahead;
		return (index < this.end) ? this.tokens.get(index) : null;
	}

	Token next() {
		Token token = peek();
		if (token != null) {
			this.pos++;
		}
		return token;
	}

	/** The token before the current one, {@code null} at the start of the statement. */
	Token previous() {
		return (this.pos > 0) ? this.tokens.get(this.pos - 1) : null;
	}

	/** Whether the current token is the word {@code keyword}. */
	boolean at(String keyword) {
		Token token = peek();
		return token != null && token.is(keyword);
	}

	boolean atSymbol(String symbol) {
		Token token = peek();
		return token != null && token.isSymbol(symbol);
	}

	/** Consumes the words {@code keywords} if they come next, in order; otherwise consumes nothing. */
	boolean accept(String... keywords) {
		for (int i = 0; i < keywords.length; i++) {
			Token token = peek(i);
			if (token == null || !token.is(keywords[i])) {
				return false;
			}
		}
		this.pos += keywords.length;
		return true;
	}

	boolean acceptSymbol(String symbol) {
		if (atSymbol(symbol)) {
			this.pos++;
			return true;
		}
		return false;
	}

	/** Consumes whichever of the words comes next, returning it, or {@code null}. */
	String acceptAny(String... keywords) {
		for (String keyword : keywords) {
			if (at(keyword)) {
				this.pos++;
				return keyword;
			}
		}
		return null;
	}

	/** Reads an identifier (unquoted names folded to lower case), or returns {@code null} and consumes nothing. */
	String identifier() {
		Token token = peek();
		if (token == null || !token.isIdentifier()) {
			return null;
		}
		this.pos++;
		return token.value();
	}

	/**
	 * Reads {@code name}, {@code schema.name} or {@code catalog.schema.name}; {@code null} (consuming
	 * nothing) when no identifier comes next.
	 */
	Name name() {
		List<String> parts = new ArrayList<>(3);
		int start = this.pos;
		String first = identifier();
		if (first == null) {
			return null;
		}
		parts.add(first);
		while (atSymbol(".") && peek(1) != null && peek(1).isIdentifier()) {
			this.pos++;
			parts.add(identifier());
		}
		if (parts.size() > 3) {
			this.pos = start;
			return null;
		}
		String name = parts.get(parts.size() - 1);
		String schema = (parts.size() >= 2) ? parts.get(parts.size() - 2) : null;
		return new Name(schema, name);
	}

	/** Skips a parenthesised group when one starts here; returns whether it did. */
	boolean skipGroup() {
		if (!atSymbol("(")) {
			return false;
		}
		this.pos = Math.min(closing(this.tokens, this.pos), this.end - 1) + 1;
		return true;
	}

	/** The cursor over the inside of the parenthesised group starting here, which is skipped; {@code null} when none. */
	SqlCursor group() {
		if (!atSymbol("(")) {
			return null;
		}
		int open = this.pos;
		int close = Math.min(closing(this.tokens, open), this.end);
		this.pos = Math.min(close + 1, this.end);
		return new SqlCursor(this.tokens, open + 1, close);
	}

	/** The parenthesised group starting here, parentheses included, which is skipped; empty when none. */
	List<Token> groupTokens() {
		if (!atSymbol("(")) {
			return List.of();
		}
		int open = this.pos;
		skipGroup();
		return this.tokens.subList(open, this.pos);
	}

	/**
	 * The tokens from here up to (not including) the first top-level token matching {@code stop}, or
	 * to the end; parenthesised and bracketed groups are taken whole. The cursor moves past them.
	 */
	List<Token> until(Predicate<Token> stop) {
		List<Token> taken = new ArrayList<>();
		while (!atEnd()) {
			Token token = peek();
			if (stop.test(token)) {
				break;
			}
			if (token.isSymbol("(") || token.isSymbol("[")) {
				int close = Math.min(closing(this.tokens, this.pos), this.end - 1);
				taken.addAll(this.tokens.subList(this.pos, close + 1));
				this.pos = close + 1;
			}
			else {
				taken.add(token);
				this.pos++;
			}
		}
		return taken;
	}

	/** The rest of the range as cursors, split at top-level commas. */
	List<SqlCursor> splitAtCommas() {
		List<SqlCursor> parts = new ArrayList<>();
		int start = this.pos;
		int i = this.pos;
		while (i < this.end) {
			Token token = this.tokens.get(i);
			if (token.isSymbol("(") || token.isSymbol("[")) {
				i = Math.min(closing(this.tokens, i), this.end - 1) + 1;
				continue;
			}
			if (token.isSymbol(",")) {
				parts.add(new SqlCursor(this.tokens, start, i));
				start = i + 1;
			}
			i++;
		}
		if (start < this.end) {
			parts.add(new SqlCursor(this.tokens, start, this.end));
		}
		this.pos = this.end;
		return parts;
	}

	/** The remaining tokens. */
	List<Token> rest() {
		return (this.pos < this.end) ? this.tokens.subList(this.pos, this.end) : List.of();
	}

	/** Whether a remaining top-level token is the word {@code keyword}. */
	boolean restContains(String keyword) {
		int i = this.pos;
		while (i < this.end) {
			Token token = this.tokens.get(i);
			if (token.isSymbol("(") || token.isSymbol("[")) {
				i = closing(this.tokens, i) + 1;
				continue;
			}
			if (token.is(keyword)) {
				return true;
			}
			i++;
		}
		return false;
	}

	/** Tokens as SQL text: single spaces between words, none inside brackets or around {@code .} and {@code ,}. */
	static String text(List<Token> tokens) {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			Token before = (i > 0) ? tokens.get(i - 1) : null;
			boolean tight = before == null || token.isSymbol(")") || token.isSymbol(",") || token.isSymbol("]")
					|| token.isSymbol(".") || token.isSymbol("::") || before.isSymbol("(") || before.isSymbol("[")
					|| before.isSymbol(".") || before.isSymbol("::")
					|| ((token.isSymbol("(") || token.isSymbol("[")) && before.kind() != Token.Kind.SYMBOL);
			if (!tight) {
				sql.append(' ');
			}
			sql.append(token.text());
		}
		return sql.toString();
	}

	/** The index of the bracket closing the one at {@code open}, or the last index when it is never closed. */
	static int closing(List<Token> tokens, int open) {
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.isSymbol("(") || token.isSymbol("[")) {
				depth++;
			}
			else if (token.isSymbol(")") || token.isSymbol("]")) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return tokens.size() - 1;
	}

}
