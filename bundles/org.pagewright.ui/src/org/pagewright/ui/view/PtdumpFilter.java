package org.pagewright.ui.view;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.pagewright.arm64.ptdump.PtdumpRow;

/**
 * The ptdump tab's filter: a VA range (rows overlapping it), a section, a level and attribute words (every word
 * must be one of the row's columns, e.g. "RW NX" or "F" or "BLK CON"). Markers stay when a range of their section
 * does, so the filtered table still reads like the kernel's dump.
 */
record PtdumpFilter(long from, long to, String section, String level, Set<String> words) {

	static final String ANY = "(any)";

	static PtdumpFilter none() {
		return new PtdumpFilter(0, -1, ANY, ANY, Set.of());
	}

	/** Parses "0xffff000000000000-0xffff000040000000" or one address; empty means the whole VA space. */
	static long[] range(String text) {
		String t = text.strip().replace("_", "");
		if (t.isEmpty()) {
			return new long[] { 0, -1 };
		}
		String[] parts = t.split("\\s*-\\s*", 2);
		long from = Long.parseUnsignedLong(strip0x(parts[0]), 16);
		long to = parts.length == 2 ? Long.parseUnsignedLong(strip0x(parts[1]), 16) : from + 1;
		return new long[] { from, to };
	}

	private static String strip0x(String s) {
		return s.toLowerCase(Locale.ROOT).startsWith("0x") ? s.substring(2) : s;
	}

	static Set<String> words(String text) {
		return Arrays.stream(text.strip().split("\\s+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
	}

	boolean accepts(PtdumpRow.Range r) {
		boolean overlaps = Long.compareUnsigned(r.start(), to - 1) <= 0 && (r.end() == 0
				|| Long.compareUnsigned(r.end() - 1, from) >= 0);
		return overlaps && (ANY.equals(section) || section.equals(r.section()))
				&& (ANY.equals(level) || level.equals(r.level()))
				&& (words.isEmpty() || Set.of(r.attributes().split("\\s+")).containsAll(words));
	}

	List<PtdumpRow> apply(List<PtdumpRow> rows) {
		if (equals(none())) {
			return rows;
		}
		java.util.ArrayList<PtdumpRow> out = new java.util.ArrayList<>();
		PtdumpRow.Marker pending = null;
		for (PtdumpRow row : rows) {
			if (row instanceof PtdumpRow.Marker m) {
				pending = m;
			} else if (accepts((PtdumpRow.Range) row)) {
				if (pending != null) {
					out.add(pending);
					pending = null;
				}
				out.add(row);
			}
		}
		return out;
	}
}
