package org.pagewright.config.run;

import java.util.List;

import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.Phase;

/**
 * A phase of one revision.
 *
 * @param state the page tables at the end of the phase (a copy owned by this result)
 * @param ptdump /sys/kernel/debug/kernel_page_tables for that state
 * @param diffToPrevious ptdump-level changes against the same phase of the previous revision (empty for the baseline)
 */
public record PhaseResult(Phase phase, List<OperationOutcome> outcomes, PageTables state, String ptdump,
        List<String> diffToPrevious) {

    public PhaseResult {
        outcomes = List.copyOf(outcomes);
        diffToPrevious = List.copyOf(diffToPrevious);
    }

    public int tablePages() {
        return state.tablePages();
    }

    /** Operations that did not complete as a plain return 0 without warnings. */
    public List<OperationOutcome> troubles() {
        return outcomes.stream().filter(o -> o.errno() != 0 || !o.warnings().isEmpty() || o.bug()).toList();
    }
}
