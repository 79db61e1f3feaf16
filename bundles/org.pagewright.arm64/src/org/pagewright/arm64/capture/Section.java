package org.pagewright.arm64.capture;

import java.util.List;

/**
 * One {@code ===== BEGIN name =====} … {@code ===== END name =====} block of a capture log.
 *
 * @param firstLine 1-based line number (in the whole log) of {@code lines.get(0)}
 */
public record Section(String name, int firstLine, List<String> lines) {

    public Section {
        lines = List.copyOf(lines);
    }

    /** Line number in the whole log of the line at {@code index}. */
    public int lineNumber(int index) {
        return firstLine + index;
    }

    /** A section made of free text (e.g. a System.map file given on its own), starting at line 1. */
    public static Section of(String name, String text) {
        return new Section(name, 1, text.lines().toList());
    }
}
