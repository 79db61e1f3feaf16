package org.pagewright.config.run;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.ptdump.PtdumpRow;
import org.pagewright.arm64.ptdump.PtdumpRows;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.PtdumpContainsCheck;
import org.pagewright.config.PtdumpSectionCheck;

/** What /sys/kernel/debug/kernel_page_tables prints for a state: a line, or how many lines a section has. */
final class PtdumpContentEvaluator {
    private final KernelVaLayout layout;

    PtdumpContentEvaluator(KernelVaLayout layout) {
        this.layout = layout;
    }

    /** Whitespace runs compare as one space: the kernel pads columns, a reviewer pastes or retypes them. */
    static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    CheckEvaluator.Outcome contains(PtdumpContainsCheck check, PageTables state) {
        String wanted = normalized(check.getRow());
        List<PtdumpRow> rows = PtdumpRows.of(state, layout);
        for (PtdumpRow row : rows) {
            if (normalized(row.text()).contains(wanted)) {
                return new CheckEvaluator.Outcome(true, "printed: " + normalized(row.text()));
            }
        }
        String near = rowAt(rows, wanted);
        return new CheckEvaluator.Outcome(false, "no line of the " + rows.size() + " contains \"" + wanted + "\""
                + (near == null ? "" : "; the line at that address: " + near));
    }

    /** The range line holding the address a wanted row starts with ("0xffff…-0x…"), if it names one. */
    private static String rowAt(List<PtdumpRow> rows, String wanted) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^0x([0-9a-fA-F]{1,16})").matcher(wanted);
        if (!m.find()) {
            return null;
        }
        long va = Long.parseUnsignedLong(m.group(1), 16);
        for (PtdumpRow row : rows) {
            if (row instanceof PtdumpRow.Range r && Long.compareUnsigned(r.start(), va) <= 0
                    && (r.end() == 0 || Long.compareUnsigned(va, r.end()) < 0)) {
                return normalized(r.text());
            }
        }
        return null;
    }

    CheckEvaluator.Outcome section(PtdumpSectionCheck check, PageTables state) {
        List<PtdumpRow> rows = PtdumpRows.of(state, layout);
        Set<String> sections = new LinkedHashSet<>();
        int lines = 0;
        boolean found = false;
        for (PtdumpRow row : rows) {
            if (row instanceof PtdumpRow.Marker marker) {
                sections.add(marker.name());
                found |= inSection(marker.name(), check.getSection());
            } else if (row instanceof PtdumpRow.Range r && inSection(r.section(), check.getSection())) {
                lines++;
            }
        }
        if (!found) {
            return new CheckEvaluator.Outcome(false, "kernel_page_tables has no section \"" + check.getSection()
                    + "\" (markers: " + String.join(", ", sections) + ")");
        }
        boolean ok = CheckEvaluator.compare(lines, check.getComparison(), check.getCount());
        return new CheckEvaluator.Outcome(ok, check.getSection() + ": " + lines + " line(s), expected "
                + check.getComparison().getLiteral() + " " + check.getCount());
    }

    /** "Linear Mapping" names the lines after the marker "Linear Mapping start" (ptdump.c address_markers[]). */
    private static boolean inSection(String marker, String section) {
        return marker.equals(section) || marker.equals(section + " start");
    }
}
