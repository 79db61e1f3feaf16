package org.pagewright.config.run;

import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

/**
 * The ptdump-level difference between two states, line by line through java-diff-utils: as a unified diff for
 * the command line and as paired rows (equal, added, removed, changed) for the workbench.
 */
public final class PtdumpDiff {

    /** A line of the side-by-side diff; {@code before} or {@code after} is empty for an added or removed line. */
    public record Row(Change change, String before, String after) {
    }

    public enum Change {
        EQUAL, ADDED, REMOVED, CHANGED
    }

    private PtdumpDiff() {
    }

    /** {@code diff -u} of the two dumps, labelled with the states; empty when the dumps are equal. */
    public static List<String> unified(StateView from, StateView to, int context) {
        List<String> before = lines(from);
        List<String> after = lines(to);
        Patch<String> patch = DiffUtils.diff(before, after);
        if (patch.getDeltas().isEmpty()) {
            return List.of();
        }
        return UnifiedDiffUtils.generateUnifiedDiff(from.label(), to.label(), before, patch, context);
    }

    /** Every line of both dumps, paired: unchanged lines once, changed lines side by side. */
    public static List<Row> rows(StateView from, StateView to) {
        DiffRowGenerator generator = DiffRowGenerator.create().showInlineDiffs(false).lineNormalizer(line -> line).ignoreWhiteSpaces(false)
                .reportLinesUnchanged(true).build();
        return generator.generateDiffRows(lines(from), lines(to)).stream().map(PtdumpDiff::row).toList();
    }

    /** Only the rows that differ. */
    public static List<Row> changes(StateView from, StateView to) {
        return rows(from, to).stream().filter(r -> r.change() != Change.EQUAL).toList();
    }

    private static Row row(DiffRow r) {
        Change change = switch (r.getTag()) {
            case EQUAL -> Change.EQUAL;
            case INSERT -> Change.ADDED;
            case DELETE -> Change.REMOVED;
            case CHANGE -> r.getOldLine().isEmpty() ? Change.ADDED : r.getNewLine().isEmpty() ? Change.REMOVED
                    : Change.CHANGED;
        };
        return new Row(change, r.getOldLine(), r.getNewLine());
    }

    private static List<String> lines(StateView state) {
        return state.phase().ptdump().lines().toList();
    }
}
