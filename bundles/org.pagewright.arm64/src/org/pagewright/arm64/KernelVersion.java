package org.pagewright.arm64;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A kernel release (major.minor.patch); the mm semantics of the engine are chosen by it via {@link KernelRules}. */
public record KernelVersion(int major, int minor, int patch) implements Comparable<KernelVersion> {
    public static final KernelVersion V6_1 = new KernelVersion(6, 1, 0);
    public static final KernelVersion V6_12 = new KernelVersion(6, 12, 0);
    public static final KernelVersion V6_18 = new KernelVersion(6, 18, 0);
    public static final KernelVersion V7_0 = new KernelVersion(7, 0, 0);
    public static final KernelVersion V7_0_1 = new KernelVersion(7, 0, 1);
    public static final KernelVersion V7_3 = new KernelVersion(7, 3, 0);

    /** The releases whose mm behaviour the engine follows: 6.1, 6.12 and 7.3 are checked against captures of real
     *  Debian kernels (the engine tests' resources/captures), 6.18 and 7.0.1 follow their sources. */
    public static final List<KernelVersion> MODELLED = List.of(V6_1, V6_12, V6_18, V7_0_1, V7_3);

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[-+~].*)?");

    public KernelVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("kernel version parts must not be negative");
        }
    }

    /**
     * Parses "7.0.1", "6.12", "v6.18" or a uname such as "6.12.117+deb12-arm64".
     *
     * @throws IllegalArgumentException with a message naming the accepted form, if the text is not a version
     */
    public static KernelVersion parse(String text) {
        return tryParse(text).orElseThrow(() -> new IllegalArgumentException(
                "not a kernel version: '" + text + "' (expected major.minor[.patch], e.g. 7.0.1)"));
    }

    /** As {@link #parse} but empty instead of failing. */
    public static Optional<KernelVersion> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return Optional.of(new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
    }

    public boolean atLeast(int major, int minor) {
        return atLeast(major, minor, 0);
    }

    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(new KernelVersion(major, minor, patch)) >= 0;
    }

    public boolean atLeast(KernelVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch != 0 ? "." + patch : "");
    }
}
