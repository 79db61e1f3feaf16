package org.pagewright.lang.addresses;

import java.util.Arrays;
import java.util.List;

/** A kernel version such as {@code 6.12} or {@code 7.0.1}, ordered as the kernel orders releases. */
public record KernelVersion(int[] parts) implements Comparable<KernelVersion> {

	public static final KernelVersion V6_18 = parse("6.18");
	public static final KernelVersion V7_3 = parse("7.3");

	/** The versions whose mm behaviour the engine follows (arm64-domain.md §0a, §4). */
	public static final List<String> KNOWN = List.of("6.1", "6.12", "6.18", "7.0.1", "7.3");

	/** Returns {@code null} for text that is not a dotted version. */
	public static KernelVersion parse(String text) {
		if (text == null) {
			return null;
		}
		try {
			return new KernelVersion(Arrays.stream(text.strip().split("\\.")).mapToInt(Integer::parseInt).toArray());
		} catch (NumberFormatException e) {
			return null;
		}
	}

	public boolean isBefore(KernelVersion other) {
		return compareTo(other) < 0;
	}

	@Override
	public int compareTo(KernelVersion other) {
		return Arrays.compare(parts, other.parts);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof KernelVersion v && Arrays.equals(parts, v.parts);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(parts);
	}

	@Override
	public String toString() {
		return String.join(".", Arrays.stream(parts).mapToObj(Integer::toString).toList());
	}
}
