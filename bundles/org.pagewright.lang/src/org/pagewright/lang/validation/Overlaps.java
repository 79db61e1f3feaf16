package org.pagewright.lang.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which half-open intervals (DRAM banks, CPU numbers) overlap an earlier-written one, in n log n: sorted by start, an
 * interval overlaps one that started before it exactly when it starts below the furthest end seen so far. Each
 * reported interval is paired with the one it overlaps (the one written first of the two), once; empty ones overlap
 * none.
 */
final class Overlaps {

	record Overlap<T>(T later, T earlier) {
	}

	private Overlaps() {
	}

	static <T> List<Overlap<T>> of(List<T> written, Function<T, BigInteger> start, Function<T, BigInteger> end) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < written.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing((Integer i) -> start.apply(written.get(i))).thenComparing(i -> i));
		List<Overlap<T>> out = new ArrayList<>();
		Set<T> reported = Collections.newSetFromMap(new IdentityHashMap<>());
		int furthest = -1; // index of the interval with the furthest end among those sorted so far
		for (int i : order) {
			T t = written.get(i);
			boolean empty = end.apply(t).compareTo(start.apply(t)) <= 0;
			if (furthest >= 0 && !empty && start.apply(t).compareTo(end.apply(written.get(furthest))) < 0) {
				T other = written.get(furthest);
				Overlap<T> overlap = furthest < i ? new Overlap<>(t, other) : new Overlap<>(other, t);
				if (reported.add(overlap.later())) {
					out.add(overlap);
				}
			}
			if (furthest < 0 || end.apply(t).compareTo(end.apply(written.get(furthest))) > 0) {
				furthest = i;
			}
		}
		return out;
	}
}
