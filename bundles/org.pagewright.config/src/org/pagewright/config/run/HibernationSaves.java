package org.pagewright.config.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.kernel.KernelPagePresent;
import org.pagewright.arm64.kernel.SaveablePage;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.HibernationSaveCheck;

/**
 * Which pages of a range hibernation puts in its image. Judged leaf run by leaf run: the range is cut where the
 * kind of its leaves changes (walking only the range's entries) and where reserved or nosave frames begin and end,
 * and each piece takes the kernel_page_present answer of its first page, so a terabyte of pages costs one lookup
 * per run, never one per page.
 */
public final class HibernationSaves {
    private final PageTables state;
    private final EngineSetup setup;
    private final long page;
    private final long physStart;
    private final long linearStart;
    private final long pages;
    private int lookups;

    private HibernationSaves(PageTables state, EngineSetup setup, long physStart, long pages) {
        this.state = state;
        this.setup = setup;
        this.page = setup.geometry().pageSize();
        this.physStart = physStart;
        this.linearStart = setup.linear(physStart);
        this.pages = pages;
    }

    /** Pages saved and skipped, and the first page whose fate is not the expected one (null when none). */
    private record Tally(long saved, long skipped, String firstDeviation) {
    }

    static CheckEvaluator.Outcome evaluate(HibernationSaveCheck check, PageTables state, EngineSetup setup) {
        if (!setup.kernel().build().hibernation()) {
            return new CheckEvaluator.Outcome(false, "the kernel is built without CONFIG_HIBERNATION: there is no "
                    + "hibernation image");
        }
        Optional<HibernationSaves> judge = of(check, state, setup);
        if (judge.isEmpty()) {
            return new CheckEvaluator.Outcome(false,
                    String.format("0x%016x has no known physical address", check.getStart()));
        }
        Tally t = judge.get().tally(check);
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
            h.tally(check);
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
        return Optional.of(new HibernationSaves(state, setup, start.get(), pages));
    }

    /**
     * Walks the entries over the range (PageTables.visit, tables skipped) and cuts it where the kind of leaf changes:
     * level, empty, valid or not. Consecutive alike leaves share one kernel_page_present answer.
     */
    private Tally tally(HibernationSaveCheck check) {
        long[] counts = new long[2];
        String[] first = new String[1];
        long[] piece = {0, 0, -1}; // from, to (page indices of the range), kind of leaf
        state.visit(VaRange.of(linearStart, pages * page), (va, level, raw) -> {
            if (level < Geometry.LAST_LEVEL && Descriptor.isTable(raw, level)) {
                return;
            }
            long from = pageIndex(va);
            long next = va + setup.geometry().levelSize(level);
            long to = next == 0 ? pages : pageIndex(next);
            long kind = level * 4L + (raw == 0 ? 0 : Descriptor.isValid(raw) ? 1 : 2);
            if (kind == piece[2] && from <= piece[1]) {
                piece[1] = Math.max(piece[1], to);
                return;
            }
            if (piece[1] > piece[0]) {
                judge(piece[0], piece[1], check, counts, first);
            }
            if (from > piece[1]) {
                judge(piece[1], from, check, counts, first); // not reached by the walk
            }
            piece[0] = Math.max(from, piece[1]);
            piece[1] = Math.max(to, piece[0]);
            piece[2] = kind;
        });
        if (piece[1] > piece[0]) {
            judge(piece[0], piece[1], check, counts, first);
        }
        if (piece[1] < pages) {
            judge(piece[1], pages, check, counts, first);
        }
        return new Tally(counts[0], counts[1], first[0]);
    }

    /**
     * Pages [from, to) of the range share one leaf run or one hole, hence one kernel_page_present answer; cut
     * further where reserved or nosave frames begin or end.
     */
    private void judge(long from, long to, HibernationSaveCheck check, long[] counts, String[] first) {
        lookups++;
        KernelPagePresent.Answer answer = KernelPagePresent.of(state, setup.rules(), linearStart + from * page);
        ReservedPages frames = setup.reservedPages();
        List<Long> cuts = new ArrayList<>();
        for (long pa : frames.boundaries()) {
            long index = framePageIndex(pa);
            if (index > from && index < to) {
                cuts.add(index);
            }
        }
        cuts.add(to);
        Collections.sort(cuts);
        long at = from;
        for (long cut : cuts) {
            if (cut > at) {
                long pa = physStart + at * page;
                // a VA without a frame in DRAM has no struct page: snapshot.c walks only the zones' pfns
                SaveablePage.Verdict verdict = frames.hasPage(pa)
                        ? SaveablePage.of(answer, frames.isReserved(pa), frames.isNosave(pa)) : null;
                boolean saved = verdict == SaveablePage.Verdict.SAVED;
                counts[saved ? 0 : 1] += cut - at;
                if (saved != check.isExpectSaved() && first[0] == null) {
                    first[0] = String.format("page at 0x%016x (linear alias 0x%016x) is %s",
                            check.getStart() + at * page, linearStart + at * page, why(verdict, frames.isReserved(pa)));
                }
                at = cut;
            }
        }
    }

    /** What snapshot.c saveable_page (SaveablePage) decided for the frame, as the verdict's reason says it. */
    private static String why(SaveablePage.Verdict verdict, boolean reserved) {
        if (verdict == null) {
            return "skipped: no page frame (outside DRAM)";
        }
        return switch (verdict) {
            case SAVED -> reserved ? "saved" : "saved: not PageReserved";
            case UNDEFINED -> "behind an invalid block that kernel_page_present misreads (pre-7.0.1)";
            case SKIPPED_RESERVED_NOT_PRESENT -> "skipped: PageReserved and its linear alias is not present";
            case SKIPPED_NOSAVE -> "skipped: PageReserved and nosave";
        };
    }

    /** The index in the range of the first page whose frame is at or after pa, within [0, pages]. */
    private long framePageIndex(long pa) {
        return indexAtOrAfter(physStart, pa);
    }

    /** The index in the range of the first page at or after va, within [0, pages]. */
    private long pageIndex(long va) {
        return indexAtOrAfter(linearStart, va);
    }

    /** The index of the first of the range's pages (from base) at or after address, within [0, pages]. */
    private long indexAtOrAfter(long base, long address) {
        if (Long.compareUnsigned(address, base) <= 0) {
            return 0;
        }
        long index = Long.divideUnsigned(address - base + page - 1, page);
        return Long.compareUnsigned(index, pages) < 0 ? index : pages;
    }
}
