package org.pagewright.lang.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pagewright.arm64.ptdump.AttributeColumns;

/**
 * The words kernel_page_tables prints in its attribute columns (arch/arm64/mm/ptdump.c pte_bits[], the engine's
 * {@link AttributeColumns}), for `expect mapped as "…"`: which words exist, which exclude each other, and the
 * closest known word to a misspelt one (for the quick fix).
 */
public final class PtdumpWords {

	private PtdumpWords() {
	}

	/** "F", "USR", "ro", "RW", "NX", "x", "SHD", "AF", "NG", "CON", "BLK", "UXN", "GP", "MEM/NORMAL" … */
	public static Set<String> known() {
		Set<String> words = new LinkedHashSet<>();
		for (AttributeColumns.Column c : AttributeColumns.columns()) {
			addWord(words, c.set());
			addWord(words, c.clear());
		}
		return words;
	}

	private static void addWord(Set<String> words, String printed) {
		if (printed != null && !printed.isBlank()) {
			words.add(printed.strip());
		}
	}

	/** Pairs of written words that one leaf cannot print together: both texts of one column, or two memory types. */
	public static List<String> contradictions(Collection<String> written) {
		List<String> out = new ArrayList<>();
		List<String> memoryTypes = new ArrayList<>();
		for (AttributeColumns.Column c : AttributeColumns.columns()) {
			String set = c.set() == null ? "" : c.set().strip();
			String clear = c.clear() == null ? "" : c.clear().strip();
			if (c.clear() == null && written.contains(set)) {
				memoryTypes.add(set);
			} else if (!set.isEmpty() && !clear.isEmpty() && written.contains(set) && written.contains(clear)) {
				out.add(set + " and " + clear);
			}
		}
		if (memoryTypes.size() > 1) {
			out.add(String.join(" and ", memoryTypes));
		}
		return out;
	}

	/** The candidate closest to word: equal ignoring case first, then the smallest edit distance (at most 3). */
	public static String closest(String word, Collection<String> candidates) {
		return closest(word, candidates, 3);
	}

	/** {@link #closest(String, Collection)} within {@code maxDistance} edits; null when none is that close. */
	public static String closest(String word, Collection<String> candidates, int maxDistance) {
		String best = null;
		int bestDistance = maxDistance + 1;
		for (String candidate : candidates) {
			if (candidate.equalsIgnoreCase(word)) {
				return candidate;
			}
			int distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** The edit distance of two words (insertions, deletions, substitutions), for "did you mean" fixes. */
	public static int levenshtein(String a, String b) {
		int[] previous = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int[] current = new int[b.length() + 1];
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			previous = current;
		}
		return previous[b.length()];
	}
}
