package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One leaf run of the capture's independent hardware walk (kernel_page_tables_raw): consecutive descriptors at
 * one level with equal attributes and contiguous output addresses.
 */
public record RawLeafRun(int level, long vaStart, long vaEnd, long count, long oaStart, long oaEnd, long attrs,
        String decoded) {
    private static final Pattern RUN = Pattern.compile("^L(-?\\d) 0x([0-9a-f]+)-0x([0-9a-f]+) n=(\\d+)\\s+"
            + "oa=0x([0-9a-f]+)-0x([0-9a-f]+) desc0=0x[0-9a-f]+ attrs=0x([0-9a-f]+)\\s*(.*)$");

    private static final long PTE_RDONLY = 1L << 7;
    private static final long PTE_VALID = 1L;

    public boolean valid() {
        return (attrs & PTE_VALID) != 0;
    }

    public boolean readOnly() {
        return (attrs & PTE_RDONLY) != 0;
    }

    public static Parsed<List<RawLeafRun>> parse(Section section) {
        List<RawLeafRun> runs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < section.lines().size(); i++) {
            String line = section.lines().get(i);
            if (!line.startsWith("L")) {
                continue; // comments ('#') and table descriptors ('T<level>') are not leaf runs
            }
            Matcher m = RUN.matcher(line);
            if (!m.matches()) {
                problems.add(new Problem(section.lineNumber(i), "malformed leaf run: '" + line + "'"));
                continue;
            }
            OptionalLong[] h = {Hex.parse(m.group(2)), Hex.parse(m.group(3)), Hex.parse(m.group(5)),
                Hex.parse(m.group(6)), Hex.parse(m.group(7))};
            OptionalLong count = decimal(m.group(4));
            boolean bad = count.isEmpty();
            for (OptionalLong v : h) {
                bad |= v.isEmpty();
            }
            if (bad) {
                problems.add(new Problem(section.lineNumber(i), "number out of range in leaf run: '" + line + "'"));
                continue;
            }
            runs.add(new RawLeafRun(Integer.parseInt(m.group(1)), h[0].getAsLong(), h[1].getAsLong(),
                    count.getAsLong(), h[2].getAsLong(), h[3].getAsLong(), h[4].getAsLong(), m.group(8)));
        }
        return Parsed.of(List.copyOf(runs), problems);
    }

    /** A descriptor count that fits a long, or empty (a hostile n=99999999999999999999 is a problem, not a crash). */
    private static OptionalLong decimal(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
