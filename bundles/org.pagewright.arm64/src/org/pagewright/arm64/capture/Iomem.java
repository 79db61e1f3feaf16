package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** /proc/iomem: {@code start-end : name} lines, nested by two-space indentation; ends are inclusive. */
public final class Iomem {
    private static final Pattern ENTRY = Pattern.compile("^( *)([0-9a-fA-F]+)-([0-9a-fA-F]+) : (.*)$");

    /** One resource; {@code depth} 0 is top level. */
    public record Entry(PhysRange range, int depth) {
        public String name() {
            return range.label();
        }
    }

    private final List<Entry> entries;

    private Iomem(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Parsed<Iomem> parse(Section section) {
        List<Entry> entries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < section.lines().size(); i++) {
            String line = section.lines().get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            int lineNo = section.lineNumber(i);
            if (!m.matches()) {
                problems.add(new Problem(lineNo, "expected '<start>-<end> : <name>', got '" + line.trim() + "'"));
                continue;
            }
            OptionalLong start = Hex.parse(m.group(2));
            OptionalLong last = Hex.parse(m.group(3));
            if (start.isEmpty() || last.isEmpty() || Long.compareUnsigned(last.getAsLong(), start.getAsLong()) < 0) {
                problems.add(new Problem(lineNo, "bad resource bounds in '" + line.trim() + "'"));
                continue;
            }
            entries.add(new Entry(new PhysRange(start.getAsLong(), last.getAsLong() + 1, m.group(4).trim()),
                    m.group(1).length() / 2));
        }
        return Parsed.of(new Iomem(entries), problems);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Top-level "System RAM" ranges. */
    public List<PhysRange> systemRam() {
        return entries.stream().filter(e -> e.depth() == 0 && e.name().equals("System RAM"))
                .map(Entry::range).toList();
    }

    /** The first entry with exactly this name ("Kernel code", "Kernel data", …). */
    public Optional<PhysRange> named(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).map(Entry::range).findFirst();
    }
}
