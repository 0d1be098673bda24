package dev.migrations.lint;

/**
 * One lexical token of a PostgreSQL statement, as {@link SqlLexer} reads it.
 *
 * @param kind what sort of token it is
 * @param text the token as written
 * @param value for a {@link Kind#WORD}, the word in lower case (PostgreSQL folds unquoted names); for a
 * {@link Kind#QUOTED}, the identifier between the quotes with {@code ""} undoubled; otherwise the text
 * @param start the offset of its first character in the text lexed
 * @param end the offset after its last character
 * @param line the 1-based line of its first character
 */
record Token(Kind kind, String text, String value, int start, int end, int line) {

	enum Kind {

		/** An unquoted identifier or keyword. */
		WORD,

		/** A {@code "quoted identifier"}. */
		QUOTED,

		/** A string constant: {@code '...'}, {@code E'...'}, {@code U&'...'}, {@code B'...'}, {@code X'...'}. */
		STRING,

		/** A dollar-quoted string, {@code $$...$$} or {@code $tag$...$tag$}. */
		DOLLAR,

		/** A numeric constant. */
		NUMBER,

		/** A positional parameter, {@code $1}. */
		PARAMETER,

		/** A punctuation mark ({@code ( ) [ ] , ; . :}) or an operator ({@code ::}, {@code =}, {@code <=}, ...). */
		SYMBOL,

		/** A {@code --} or {@code /* *}{@code /} comment. */
		COMMENT

	}

	/** Whether this is the unquoted word {@code keyword} (given in lower case). */
	boolean is(String keyword) {
		return this.kind == Kind.WORD && this.value.equals(keyword);
	}

	/** Whether this is the symbol {@code symbol}. */
	boolean isSymbol(String symbol) {
		return this.kind == Kind.SYMBOL && this.text.equals(symbol);
	}

	/** Whether this can name something: an unquoted word or a quoted identifier. */
	boolean isIdentifier() {
		return this.kind == Kind.WORD || this.kind == Kind.QUOTED;
	}

}
