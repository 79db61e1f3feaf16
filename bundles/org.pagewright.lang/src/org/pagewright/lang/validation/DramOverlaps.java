package org.pagewright.lang.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.pagewright.lang.layout.DramBank;

/**
 * Which DRAM banks overlap an earlier-written one, in n log n: sorted by base, a bank overlaps one that started
 * before it exactly when it starts below the furthest end seen so far. Each reported bank is paired with the bank
 * it overlaps (the one written first of the two).
 */
final class DramOverlaps {

	record Overlap(DramBank bank, DramBank earlier) {
	}

	private DramOverlaps() {
	}

	static List<Overlap> of(List<DramBank> banks) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < banks.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparing((Integer i) -> banks.get(i).getBase()).thenComparing(i -> i));
		List<Overlap> out = new ArrayList<>();
		int furthest = -1; // index of the bank with the furthest end among those sorted so far
		for (int i : order) {
			DramBank b = banks.get(i);
			if (furthest >= 0 && b.getBase().compareTo(end(banks.get(furthest))) < 0 && b.getSize().signum() > 0) {
				DramBank other = banks.get(furthest);
				out.add(furthest < i ? new Overlap(b, other) : new Overlap(other, b));
			}
			if (furthest < 0 || end(b).compareTo(end(banks.get(furthest))) > 0) {
				furthest = i;
			}
		}
		return out;
	}

	private static BigInteger end(DramBank bank) {
		return bank.getBase().add(bank.getSize());
	}
}
