package org.pagewright.config.run;

import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.query.AliasQuery;
import org.pagewright.arm64.query.WxAudit;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.walk.Access;
import org.pagewright.arm64.walk.Translation;
import org.pagewright.arm64.walk.Walker;
import org.pagewright.config.AccessCheck;
import org.pagewright.config.AliasVia;
import org.pagewright.config.Check;
import org.pagewright.config.FaultKind;
import org.pagewright.config.HibernationSaveCheck;
import org.pagewright.config.NoLeakCheck;
import org.pagewright.config.PtdumpCheck;
import org.pagewright.config.SetMemoryValidCheck;
import org.pagewright.config.SplitExpectation;
import org.pagewright.config.TablePagesCheck;
import org.pagewright.config.WxCleanCheck;

/** Decides one check on one state, with the reason in kernel terms. Never changes the state it is given. */
final class CheckEvaluator {
    private static final String LINEAR_REGION = "Linear Mapping";

    private final EngineSetup setup;

    CheckEvaluator(EngineSetup setup) {
        this.setup = setup;
    }

    /** passed + reason. */
    record Outcome(boolean passed, String reason) {
    }

    Outcome evaluate(Check check, PageTables state) {
        return switch (check) {
            case AccessCheck a -> access(a, state);
            case PtdumpCheck p -> ptdump(p, state);
            case NoLeakCheck n -> noLeak(n, state);
            case WxCleanCheck w -> wxClean(state);
            case SetMemoryValidCheck s -> setMemoryValid(s, state);
            case HibernationSaveCheck h -> HibernationSaves.evaluate(h, state, setup);
            case TablePagesCheck t -> tablePages(t, state);
            default -> new Outcome(false, "no evaluation for " + check.eClass().getName());
        };
    }

    private Outcome access(AccessCheck check, PageTables state) {
        Access access = Access.valueOf(check.getAccess().getName());
        Translation t = new Walker(state, setup.cpu()).translate(check.getAddress(), access);
        String what = describe(t);
        if (!check.isExpectFault()) {
            return new Outcome(!t.isFault(), what);
        }
        if (!(t instanceof Translation.Fault f)) {
            return new Outcome(false, what + ", but a fault was expected");
        }
        boolean levelOk = check.getFaultLevel() == null || check.getFaultLevel() == f.level();
        boolean kindOk = check.getFaultKind() == FaultKind.ANY
                || check.getFaultKind().getName().equals(f.kind().name());
        return new Outcome(levelOk && kindOk, levelOk && kindOk ? what
                : what + ", expected " + expectedFault(check));
    }

    /** ptdump reads every table page through its linear alias (p?d_offset = __va(table PA)). */
    private Outcome ptdump(PtdumpCheck check, PageTables state) {
        Walker walker = new Walker(state, setup.cpu());
        String firstUnreadable = null;
        long[] pages = state.reachableTablePages();
        for (long pa : pages) {
            if (pa == state.rootPa() && setup.swapperPgDirPa().isPresent()) {
                continue; // the walk starts at init_mm.pgd, i.e. swapper_pg_dir through the kernel image mapping
            }
            Translation t = walker.translate(setup.linear(pa), Access.READ);
            if (t instanceof Translation.Fault f) {
                firstUnreadable = String.format("table page PA 0x%x is not readable at its linear alias 0x%016x: %s",
                        pa, f.va(), describe(f));
                break;
            }
        }
        boolean walks = firstUnreadable == null;
        String reason = walks ? "all " + pages.length + " table pages readable through the linear map" : firstUnreadable;
        return new Outcome(walks != check.isExpectFault(), check.isExpectFault() && walks
                ? reason + ", but a fault was expected" : reason);
    }

    private Outcome noLeak(NoLeakCheck check, PageTables state) {
        Optional<Long> pa = setup.physical(check.getStart());
        if (pa.isEmpty()) {
            return new Outcome(false, String.format("0x%016x is neither a linear-map address nor in a kernel image "
                    + "with known load addresses", check.getStart()));
        }
        long size = check.getEnd() - check.getStart();
        for (AliasQuery.Finding f : AliasQuery.of(state, setup.layout()).readableAliasesOf(pa.get(), size)) {
            boolean linear = LINEAR_REGION.equals(f.alias().region());
            if (check.getVia() == AliasVia.ANY || (check.getVia() == AliasVia.LINEAR) == linear) {
                return new Outcome(check.isExpectLeak(), f.message());
            }
        }
        String none = String.format("no readable %s alias of PA 0x%x-0x%x", check.getVia().getLiteral(), pa.get(),
                pa.get() + size);
        return new Outcome(!check.isExpectLeak(), check.isExpectLeak() ? none + ", but a leak was expected" : none);
    }

    /** ptdump_check_wx, exactly as the engine's audit does it (leaf bits only, as arch/arm64/mm/ptdump.c). */
    private Outcome wxClean(PageTables state) {
        WxAudit.Report report = WxAudit.check(state, setup.layout());
        String first = report.warnings().isEmpty() ? "" : "; " + report.warnings().get(0);
        return new Outcome(report.passed(), report.summary() + first);
    }

    /** Runs set_memory_valid on a copy and classifies what it had to do. */
    private Outcome setMemoryValid(SetMemoryValidCheck check, PageTables state) {
        PageTables copy = state.copy();
        OpResult r = setup.executor().apply(copy, new Operation.SetMemoryValid(check.getVirt(), check.getNumPages(),
                check.isValid(), "check"));
        List<Event.Split> splits = r.changes().splits();
        SplitExpectation actual;
        String reason;
        switch (r) {
            case OpResult.Einval e -> {
                actual = SplitExpectation.EINVAL;
                reason = "-EINVAL" + (e.warned() ? " with WARN" : "") + ": " + e.reason();
            }
            case OpResult.Refused e -> {
                actual = SplitExpectation.EINVAL;
                reason = "-EINVAL (refused): " + e.reason();
            }
            case OpResult.Enomem e -> {
                return new Outcome(false, "-ENOMEM: " + e.reason());
            }
            case OpResult.Bug b -> {
                return new Outcome(false, "BUG: " + b.reason());
            }
            case OpResult.Ok ok -> {
                actual = splits.isEmpty() ? SplitExpectation.NO_SPLIT : SplitExpectation.SPLIT;
                reason = splits.isEmpty() ? "0, no block split" : "0 after splitting " + describeSplits(splits);
            }
        }
        return new Outcome(actual == check.getExpect(), actual == check.getExpect() ? reason
                : reason + "; expected " + check.getExpect().getLiteral());
    }

    private Outcome tablePages(TablePagesCheck check, PageTables state) {
        int n = state.tablePages();
        int limit = check.getCount();
        boolean ok = switch (check.getComparison()) {
            case LE -> n <= limit;
            case LT -> n < limit;
            case EQ -> n == limit;
            case GE -> n >= limit;
            case GT -> n > limit;
        };
        return new Outcome(ok, n + " table pages (" + n * setup.geometry().pageSize() / 1024 + " KiB), expected "
                + check.getComparison().getLiteral() + " " + limit);
    }

    private static String describe(Translation t) {
        return switch (t) {
            case Translation.Ok ok -> String.format("%s 0x%016x -> PA 0x%x through a level %d leaf",
                    ok.access().name().toLowerCase(), ok.va(), ok.pa(), ok.level());
            case Translation.Fault f -> String.format("%s 0x%016x: %s (FSC 0x%02x, ESR 0x%08x): %s",
                    f.access().name().toLowerCase(), f.va(), f.faultName(), f.fsc(), f.esr(), f.reason());
        };
    }

    private static String expectedFault(AccessCheck check) {
        return "fault" + (check.getFaultLevel() == null ? "" : " level " + check.getFaultLevel())
                + (check.getFaultKind() == FaultKind.ANY ? "" : " " + check.getFaultKind().getLiteral());
    }

    private static String describeSplits(List<Event.Split> splits) {
        StringBuilder b = new StringBuilder();
        for (Event.Split s : splits.subList(0, Math.min(3, splits.size()))) {
            b.append(b.isEmpty() ? "" : "; ").append(String.format("level %d at 0x%016x (%s)", s.level(), s.va(), s.how()));
        }
        return splits.size() + " leaf/leaves: " + b + (splits.size() > 3 ? "; ..." : "");
    }
}
