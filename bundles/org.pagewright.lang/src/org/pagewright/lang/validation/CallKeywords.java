package org.pagewright.lang.validation;

import java.util.List;
import java.util.Optional;

/**
 * The keywords of the language that are written as calls: an address's {@code lm_alias(x)} and
 * {@code page_address(x)}, a protection's {@code pgprot_tagged(p)}. A misspelled call parses as a name followed by a
 * '(': the diagnostics and the quick fix name the call it was probably meant to be.
 */
public final class CallKeywords {

	/** The calls an address expression may make (grammar: Primary). */
	public static final List<String> ADDRESS = List.of("lm_alias", "page_address");

	/** Every call of the grammar. */
	public static final List<String> ALL = List.of("lm_alias", "page_address", "pgprot_tagged");

	private CallKeywords() {
	}

	/** Whether {@code text} opens a call at {@code offset}: a '(' after blanks. */
	public static boolean calledAt(String text, int offset) {
		int i = offset;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i < text.length() && text.charAt(i) == '(';
	}

	/** The call a misspelled name is closest to, if it is close (a third of its letters, at least two). */
	public static Optional<String> closest(String name, List<String> calls) {
		return Optional.ofNullable(PtdumpWords.closest(name, calls, Math.max(2, name.length() / 3)));
	}

	/** ": did you mean lm_alias(…)?" or, for a name near none of them, the calls there are. */
	static String hintFor(String name, List<String> calls) {
		return closest(name, calls).map(call -> ": did you mean " + call + "(…)?")
				.orElse(": the calls are " + String.join("(…), ", calls) + "(…)");
	}
}
