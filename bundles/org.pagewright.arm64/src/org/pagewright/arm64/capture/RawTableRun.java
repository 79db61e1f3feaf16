package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of table descriptors of the capture's hardware walk (kernel_page_tables_raw "T&lt;level&gt;" lines):
 * {@code count} consecutive entries at {@code level} that point to next-level tables, covering [vaStart, vaEnd)
 * (vaEnd 0 = the top of the address space).
 */
public record RawTableRun(int level, long vaStart, long vaEnd, long count, long attrs) {
    private static final Pattern RUN = Pattern.compile("^T(-?\\d) 0x([0-9a-f]+)-0x([0-9a-f]+) n=(\\d+)\\s+"
            + "desc0=0x[0-9a-f]+ attrs=0x([0-9a-f]+).*$");

    /** The VA span of one entry of the run. */
    public long entrySpan() {
        return (vaEnd - vaStart) / count;
    }

    public static Parsed<List<RawTableRun>> parse(Section section) {
        List<RawTableRun> runs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < section.lines().size(); i++) {
            String line = section.lines().get(i);
            if (!line.startsWith("T")) {
                continue;
            }
            Matcher m = RUN.matcher(line);
            OptionalLong start = m.matches() ? Hex.parse(m.group(2)) : OptionalLong.empty();
            OptionalLong end = m.matches() ? Hex.parse(m.group(3)) : OptionalLong.empty();
            OptionalLong attrs = m.matches() ? Hex.parse(m.group(5)) : OptionalLong.empty();
            long count = m.matches() && m.group(4).length() < 10 ? Long.parseLong(m.group(4)) : 0;
            if (start.isEmpty() || end.isEmpty() || attrs.isEmpty() || count == 0) {
                problems.add(new Problem(section.lineNumber(i), "malformed table descriptor run: '" + line + "'"));
                continue;
            }
            runs.add(new RawTableRun(Integer.parseInt(m.group(1)), start.getAsLong(), end.getAsLong(), count,
                    attrs.getAsLong()));
        }
        return Parsed.of(List.copyOf(runs), problems);
    }
}
