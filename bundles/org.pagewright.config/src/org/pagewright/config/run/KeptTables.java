package org.pagewright.config.run;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.TablePool;

/**
 * The table pages a run keeps: every phase snapshot of every revision stays in the result, so the budget must hold
 * them all, not one state. Snapshots are copy-on-write: a phase that changes a few entries shares the rest with the
 * state before it, so what is counted is the distinct memory of everything kept plus the working tables, and room
 * for the working tables to be cloned whole by later writes. Checked before each copy is made, so a machine too
 * large for the heap ends in a message naming the revision, never in an OutOfMemoryError.
 */
final class KeptTables {
    private final long limitPages;
    private final long pageSize;
    private final List<TablePool> kept = new ArrayList<>();
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

    /**
     * Whether a snapshot of these working tables still fits beside the snapshots kept: their distinct pages with the
     * working tables', plus the working tables once more for the chunks later writes may clone.
     */
    boolean admit(PageTables tables) {
        List<TablePool> pools = new ArrayList<>(kept);
        pools.add(tables.pool());
        long needed = TablePool.retainedBytes(pools) / pageSize + tables.tablePages();
        if (needed > limitPages) {
            refusedPages = needed;
            return false;
        }
        return true;
    }

    /** Counts a snapshot the run keeps (admitted before it was made). */
    void keep(PageTables snapshot) {
        kept.add(snapshot.pool());
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
