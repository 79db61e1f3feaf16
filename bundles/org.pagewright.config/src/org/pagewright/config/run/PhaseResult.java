package org.pagewright.config.run;

import java.util.List;

import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.ptdump.Ptdump;
import org.pagewright.arm64.query.RangeChange;
import org.pagewright.arm64.query.StateDiff;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.Phase;

/**
 * A phase of one revision: its operations and the state they left. The ptdump and the diff are rendered on first
 * use and then kept: a run judges its checks on the states, and most of its phases are never displayed.
 */
public final class PhaseResult {
    private final Phase phase;
    private final List<OperationOutcome> outcomes;
    private final PageTables state;
    private final Once<String> ptdump;
    private final Once<List<String>> diffToPrevious;

    /**
     * @param state the page tables at the end of the phase (a copy owned by this result, never written again)
     * @param before the same phase of the previous revision (null for the baseline: no diff)
     */
    PhaseResult(Phase phase, List<OperationOutcome> outcomes, PageTables state, PageTables before,
            KernelVaLayout layout) {
        this.phase = phase;
        this.outcomes = List.copyOf(outcomes);
        this.state = state;
        this.ptdump = new Once<>(() -> Ptdump.render(state, layout));
        this.diffToPrevious = new Once<>(() -> before == null ? List.of()
                : StateDiff.between(before, state, layout).stream().map(RangeChange::toString).toList());
    }

    public Phase phase() {
        return phase;
    }

    public List<OperationOutcome> outcomes() {
        return outcomes;
    }

    /** The page tables at the end of the phase. */
    public PageTables state() {
        return state;
    }

    /** /sys/kernel/debug/kernel_page_tables for that state. */
    public String ptdump() {
        return ptdump.get();
    }

    /** ptdump-level changes against the same phase of the previous revision (empty for the baseline). */
    public List<String> diffToPrevious() {
        return diffToPrevious.get();
    }

    public int tablePages() {
        return state.tablePages();
    }

    /** Operations that did not complete as a plain return 0 without warnings. */
    public List<OperationOutcome> troubles() {
        return outcomes.stream().filter(o -> o.errno() != 0 || !o.warnings().isEmpty() || o.bug()).toList();
    }

    @Override
    public String toString() {
        return "PhaseResult[" + phase.getLiteral() + ", " + outcomes.size() + " operation(s), " + state.tablePages()
                + " table pages]";
    }
}
