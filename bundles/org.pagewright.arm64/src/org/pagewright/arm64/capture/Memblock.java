package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * memblock regions as debugfs prints them ({@code "   0: 0x0000000040000000..0x000000007fffffff    0 NONE"}; the
 * end is inclusive, the node and flags columns are optional — 6.1 omits them).
 */
public final class Memblock {
    private static final Pattern REGION =
            Pattern.compile("^\\s*\\d+:\\s+(0x[0-9a-fA-F]+)\\.\\.(0x[0-9a-fA-F]+)(?:\\s+(\\d+))?(?:\\s+(\\S+))?\\s*$");

    private Memblock() {
    }

    public static Parsed<List<PhysRange>> parse(Section section) {
        List<PhysRange> regions = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < section.lines().size(); i++) {
            String line = section.lines().get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = REGION.matcher(line);
            int lineNo = section.lineNumber(i);
            if (!m.matches()) {
                problems.add(new Problem(lineNo, "expected '<n>: 0x<base>..0x<last> [node] [flags]', got '"
                        + line.trim() + "'"));
                continue;
            }
            OptionalLong base = Hex.parse(m.group(1));
            OptionalLong last = Hex.parse(m.group(2));
            if (base.isEmpty() || last.isEmpty() || Long.compareUnsigned(last.getAsLong(), base.getAsLong()) < 0) {
                problems.add(new Problem(lineNo, "bad region bounds in '" + line.trim() + "'"));
                continue;
            }
            String flags = m.group(4) == null ? "NONE" : m.group(4);
            regions.add(new PhysRange(base.getAsLong(), last.getAsLong() + 1, flags));
        }
        return Parsed.of(List.copyOf(regions), problems);
    }
}
