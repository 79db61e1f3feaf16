package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pagewright.arm64.VaRange;

/** The kernel_page_tables text, split by its {@code ---[ name ]---} markers, with its range lines located. */
public final class KernelPageTablesText {
    private static final Pattern MARKER = Pattern.compile("^---\\[ (.+) \\]---$");
    private static final Pattern RANGE = Pattern.compile("^0x([0-9a-f]{16})-0x([0-9a-f]{16})\\s.*$");

    /** A range line: [start, end) as printed (end 0 means the top of the address space) and the text itself. */
    public record RangeLine(int lineNumber, long start, long end, String text) {
        /** True when the whole line lies in the range. */
        public boolean within(VaRange range) {
            return range.containsWhole(start, end - start);
        }
    }

    /** The lines that follow one marker up to the next. */
    public record Block(String marker, List<RangeLine> lines) {
    }

    private final List<Block> blocks;
    private final List<String> text;

    private KernelPageTablesText(List<Block> blocks, List<String> text) {
        this.blocks = List.copyOf(blocks);
        this.text = List.copyOf(text);
    }

    public static Parsed<KernelPageTablesText> parse(Section section) {
        List<Block> blocks = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String marker = "";
        List<RangeLine> lines = new ArrayList<>();
        for (int i = 0; i < section.lines().size(); i++) {
            String line = section.lines().get(i);
            int lineNo = section.lineNumber(i);
            Matcher mk = MARKER.matcher(line);
            if (mk.matches()) {
                if (!marker.isEmpty() || !lines.isEmpty()) {
                    blocks.add(new Block(marker, lines));
                }
                marker = mk.group(1);
                lines = new ArrayList<>();
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            Matcher m = RANGE.matcher(line);
            OptionalLong start = m.matches() ? Hex.parse(m.group(1)) : OptionalLong.empty();
            OptionalLong end = m.matches() ? Hex.parse(m.group(2)) : OptionalLong.empty();
            if (start.isEmpty() || end.isEmpty()) {
                problems.add(new Problem(lineNo, "neither a marker nor a range line: '" + line + "'"));
                continue;
            }
            lines.add(new RangeLine(lineNo, start.getAsLong(), end.getAsLong(), line));
        }
        if (!marker.isEmpty() || !lines.isEmpty()) {
            blocks.add(new Block(marker, lines));
        }
        return Parsed.of(new KernelPageTablesText(blocks, section.lines()), problems);
    }

    public List<Block> blocks() {
        return blocks;
    }

    public Optional<Block> block(String marker) {
        return blocks.stream().filter(b -> b.marker().equals(marker)).findFirst();
    }

    /** Every range line in order. */
    public List<RangeLine> rangeLines() {
        return blocks.stream().flatMap(b -> b.lines().stream()).toList();
    }

    /** Range lines lying entirely in the range. */
    public List<String> linesWithin(VaRange range) {
        return rangeLines().stream().filter(l -> l.within(range)).map(RangeLine::text).toList();
    }

    /** The whole text as parsed, one element per line. */
    public List<String> text() {
        return text;
    }
}
