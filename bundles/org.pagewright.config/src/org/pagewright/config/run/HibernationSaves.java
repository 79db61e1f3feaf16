package org.pagewright.config.run;

import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.kernel.KernelPagePresent;
import org.pagewright.arm64.query.Alias;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.HibernationSaveCheck;

/**
 * snapshot.c saveable_page: kernel-image pages are PageReserved, so they are saved only while their linear alias is
 * present. Judged leaf run by leaf run: the range is cut where the state's leaf runs (and the holes between them)
 * begin and end, and each piece takes the kernel_page_present answer of its first page, so a terabyte of pages
 * costs one lookup per run, never one per page.
 */
public final class HibernationSaves {
    private final PageTables state;
    private final EngineSetup setup;
    private final long page;
    private final long linearStart;
    private final long pages;
    private int lookups;

    private HibernationSaves(PageTables state, EngineSetup setup, long linearStart, long pages) {
        this.state = state;
        this.setup = setup;
        this.page = setup.geometry().pageSize();
        this.linearStart = linearStart;
        this.pages = pages;
    }

    /** Pages saved and skipped, and the first page whose fate is not the expected one (null when none). */
    private record Tally(long saved, long skipped, String firstDeviation) {
    }

    static CheckEvaluator.Outcome evaluate(HibernationSaveCheck check, PageTables state, EngineSetup setup,
            List<Alias> leafRuns) {
        Optional<HibernationSaves> judge = of(check, state, setup);
        if (judge.isEmpty()) {
            return new CheckEvaluator.Outcome(false,
                    String.format("0x%016x has no known physical address", check.getStart()));
        }
        Tally t = judge.get().tally(check, leafRuns);
        String counts = t.saved() + " page(s) saved, " + t.skipped() + " skipped";
        return new CheckEvaluator.Outcome(t.firstDeviation() == null,
                t.firstDeviation() == null ? counts : counts + "; first: " + t.firstDeviation());
    }

    /**
     * How many kernel_page_present lookups judging the check on the state takes (one per leaf run or hole of the
     * range): what keeps a whole-VA check fast, observable without timing it. -1 when the check cannot be judged.
     */
    public static int lookups(HibernationSaveCheck check, PageTables state, EngineSetup setup) {
        return of(check, state, setup).map(h -> {
            h.tally(check, new CheckEvaluator(setup).leafRuns(state));
            return h.lookups;
        }).orElse(-1);
    }

    private static Optional<HibernationSaves> of(HibernationSaveCheck check, PageTables state, EngineSetup setup) {
        Optional<Long> start = setup.physical(check.getStart());
        if (start.isEmpty()) {
            return Optional.empty();
        }
        long page = setup.geometry().pageSize();
        long pages = Long.compareUnsigned(check.getEnd(), check.getStart()) <= 0 ? 0
                : Long.divideUnsigned(check.getEnd() - check.getStart() - 1, page) + 1;
        return Optional.of(new HibernationSaves(state, setup, setup.linear(start.get()), pages));
    }

    private Tally tally(HibernationSaveCheck check, List<Alias> leafRuns) {
        long[] counts = new long[2];
        String[] first = new String[1];
        long at = 0; // pages of the range judged so far
        for (Alias run : leafRuns) {
            long from = pageIndex(run.vaStart());
            long to = run.vaEnd() == 0 ? pages : pageIndex(run.vaEnd());
            if (to <= at) {
                continue;
            }
            if (from >= pages) {
                break;
            }
            if (from > at) {
                judge(at, from, check, counts, first); // the hole before the run
            }
            judge(Math.max(at, from), to, check, counts, first);
            at = to;
        }
        if (at < pages) {
            judge(at, pages, check, counts, first);
        }
        return new Tally(counts[0], counts[1], first[0]);
    }

    /** Pages [from, to) of the range share one leaf run or one hole, hence one kernel_page_present answer. */
    private void judge(long from, long to, HibernationSaveCheck check, long[] counts, String[] first) {
        long va = linearStart + from * page;
        lookups++;
        KernelPagePresent.Answer answer = KernelPagePresent.of(state, setup.rules(), va);
        boolean saved = answer == KernelPagePresent.Answer.PRESENT;
        counts[saved ? 0 : 1] += to - from;
        if (saved != check.isExpectSaved() && first[0] == null) {
            first[0] = String.format("page at 0x%016x (linear alias 0x%016x) is %s", check.getStart() + from * page,
                    va, answer == KernelPagePresent.Answer.MISREAD_INVALID_BLOCK
                            ? "behind an invalid block that kernel_page_present misreads (pre-7.0.1)"
                            : saved ? "saved" : "skipped: PageReserved and its linear alias is not present");
        }
    }

    /** The index in the range of the first page at or after va, within [0, pages]. */
    private long pageIndex(long va) {
        if (Long.compareUnsigned(va, linearStart) <= 0) {
            return 0;
        }
        long index = Long.divideUnsigned(va - linearStart + page - 1, page);
        return Long.compareUnsigned(index, pages) < 0 ? index : pages;
    }
}
