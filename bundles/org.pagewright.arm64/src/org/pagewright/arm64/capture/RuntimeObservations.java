package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.layout.RunTimeAreas;
import org.pagewright.arm64.map.ObservedWriter;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Operation.WriteObserved;
import org.pagewright.arm64.table.PageTables;

/**
 * The Modules and vmalloc areas outside the kernel image hold run-time allocations (modules, vmalloc, ioremap,
 * per-CPU chunks, BPF): they are never derived. A replay copies them from the capture's hardware walk — its
 * table descriptors and leaf runs, raw — into the simulated tables, and declares the dump lines there as
 * run-time observations; an import writes the same copy as `observed` steps.
 */
public final class RuntimeObservations {
    private final RunTimeAreas areas;

    private RuntimeObservations(Boot boot, long imageStart) {
        this.areas = RunTimeAreas.of(boot.layout(), imageStart, boot.image().end());
    }

    /** The run-time areas of this boot: less the image from where ptdump shows it (_text, _stext before 6.2). */
    public static RuntimeObservations of(Boot boot) {
        return new RuntimeObservations(boot, imageStart(boot));
    }

    /** The image's first VA that ptdump shows. */
    public static long imageStart(Boot boot) {
        return boot.config().imageMappedFrom(boot.image().text(), boot.image().stext());
    }

    /** Whether a dump line starting at {@code va} shows run-time content (observed, not simulated). */
    public boolean observed(long va) {
        return areas.contains(va);
    }

    /** At most this many observed entries are copied: a hostile capture cannot make the replay loop for ever. */
    private static final long MAX_ENTRIES = 1L << 22;

    /**
     * The capture's run-time content as runs of entries to write, tables first (so that each leaf finds the
     * tables the kernel had above it), then leaves; only the entries in the run-time areas.
     */
    public Parsed<List<WriteObserved>> operations(Capture capture, Geometry g) {
        List<WriteObserved> out = new ArrayList<>();
        long entries = 0;
        for (RawTableRun run : capture.rawTableRuns()) {
            if (!fits(g, run.level(), run.level() + 1 <= Geometry.LAST_LEVEL, run.count())
                    || run.entrySpan() != g.levelSize(run.level())) {
                return problem("table descriptor run at level " + run.level()
                        + " does not fit this kernel's page-table geometry: run-time areas not copied");
            }
            long span = run.entrySpan();
            // a table entry serves the run-time area when its span starts or ends there
            entries += split(run.vaStart(), run.count(), span, va -> observed(va)
                    || observed(va + span - 1) && !areas.inImage(va),
                    (va, n, i) -> out.add(new WriteObserved(new VirtualAddress(va), n, run.level(), true,
                            new PhysicalAddress(0), 0, "observed table entries at level " + run.level())));
        }
        for (RawLeafRun run : capture.rawLeafRuns()) {
            if (!fits(g, run.level(), true, run.count())
                    || (run.vaEnd() - run.vaStart()) / run.count() != g.levelSize(run.level())) {
                return problem("leaf run at level " + run.level() + " does not fit this kernel's page-table"
                        + " geometry: run-time areas not copied");
            }
            long size = g.levelSize(run.level());
            entries += split(run.vaStart(), run.count(), size, this::observed,
                    (va, n, i) -> out.add(new WriteObserved(new VirtualAddress(va), n, run.level(), false,
                            new PhysicalAddress(run.oaStart() + i * size), run.attrs(),
                            "observed leaves at level " + run.level())));
            if (entries > MAX_ENTRIES) {
                return problem("more than " + MAX_ENTRIES + " observed entries: run-time areas not copied");
            }
        }
        return Parsed.of(List.copyOf(out), List.of());
    }

    /** Copies the observed tables and leaves into {@code tables}; a problem when they cannot be written. */
    List<Problem> apply(PageTables tables, Capture capture) {
        Parsed<List<WriteObserved>> ops = operations(capture, tables.geometry());
        if (!ops.problems().isEmpty()) {
            return ops.problems();
        }
        for (WriteObserved w : ops.value()) {
            OpResult r = ObservedWriter.write(tables, w.virt().value(), w.count(), w.level(), w.table(),
                    w.phys().value(), w.attrs());
            if (!r.isOk()) {
                return List.of(new Problem(0, "cannot copy the observed vmalloc tables: " + reason(r)));
            }
        }
        return List.of();
    }

    private interface SubRun {
        void accept(long va, long count, long firstIndex);
    }

    /** Calls {@code sink} for each stretch of consecutive entries that {@code wanted} accepts; their count. */
    private static long split(long start, long count, long size, LongPredicate wanted, SubRun sink) {
        long taken = 0;
        long first = -1;
        for (long i = 0; i <= count; i++) {
            boolean in = i < count && wanted.test(start + i * size);
            if (in && first < 0) {
                first = i;
            } else if (!in && first >= 0) {
                sink.accept(start + first * size, i - first, first);
                taken += i - first;
                first = -1;
            }
        }
        return taken;
    }

    private static String reason(OpResult r) {
        return switch (r) {
            case OpResult.Refused x -> x.reason();
            case OpResult.Einval x -> x.reason();
            case OpResult.Enomem x -> x.reason();
            case OpResult.Bug x -> x.reason();
            case OpResult.Ok x -> "";
        };
    }

    private static boolean fits(Geometry g, int level, boolean levelOk, long count) {
        return levelOk && count > 0 && level >= g.startLevel() && level <= Geometry.LAST_LEVEL;
    }

    private static Parsed<List<WriteObserved>> problem(String reason) {
        return Parsed.of(List.of(), List.of(new Problem(0, reason)));
    }
}
