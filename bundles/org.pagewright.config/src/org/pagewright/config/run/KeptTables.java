package org.pagewright.config.run;

import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.TablePool;

/**
 * The table pages a run keeps: every phase snapshot of every revision stays in the result, so the budget must hold
 * their sum, not one state. Checked before each copy is made, so a machine too large for the heap ends in a message
 * naming the revision, never in an OutOfMemoryError.
 */
final class KeptTables {
    private final long limitPages;
    private final long pageSize;
    private long keptPages;
    private long refusedPages;
    private String outOfTables;

    private KeptTables(long limitPages, long pageSize) {
        this.limitPages = limitPages;
        this.pageSize = pageSize;
    }

    /**
     * The machine's table-page budget, and never more than half the heap (two thirds of TablePool.heapBudgetPages):
     * the rest is for what the run derives from its states (ptdump text, diffs).
     */
    static KeptTables of(EngineSetup engine) {
        long heap = TablePool.heapBudgetPages(engine.geometry().granule()) * 2L / 3;
        return new KeptTables(Math.min(heap, Math.max(1, engine.tablePageBudget())), engine.geometry().pageSize());
    }

    /** Whether a copy of these tables (and the working tables themselves) still fits; if so it is counted. */
    boolean admit(PageTables tables) {
        long needed = keptPages + 2L * tables.tablePages();
        if (needed > limitPages) {
            refusedPages = needed;
            return false;
        }
        keptPages += tables.tablePages();
        return true;
    }

    /** The working tables hit their budget at this operation. */
    void outOfTables(String where) {
        outOfTables = where;
    }

    String problem(String revision) {
        if (outOfTables != null) {
            return "the table-page budget ran out in " + revision + " at " + outOfTables
                    + " (map less, with larger blocks, or give the machine a larger budget)";
        }
        if (refusedPages == 0) {
            return "machine: the table-page budget of " + limitPages
                    + " pages does not hold even the root table (give the machine more DRAM or a larger budget)";
        }
        return String.format("the run of %s would keep %d table pages (%d MiB) in its phase snapshots, over the "
                + "budget of %d pages (%d MiB): map less, with larger blocks, or check fewer revisions", revision,
                refusedPages, refusedPages * pageSize >> 20, limitPages, limitPages * pageSize >> 20);
    }
}
