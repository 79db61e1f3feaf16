package org.pagewright.config.run;

import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.ptdump.AttributeColumns;
import org.pagewright.arm64.query.Alias;
import org.pagewright.arm64.query.AliasQuery;
import org.pagewright.arm64.query.ContGroups;
import org.pagewright.arm64.query.TablePageReads;
import org.pagewright.arm64.query.WxAudit;
import org.pagewright.arm64.table.Leaf;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.walk.Access;
import org.pagewright.arm64.walk.Translation;
import org.pagewright.arm64.walk.Walker;
import org.pagewright.config.AccessCheck;
import org.pagewright.config.AliasRight;
import org.pagewright.config.AliasRightsCheck;
import org.pagewright.config.AliasVia;
import org.pagewright.config.Check;
import org.pagewright.config.Comparison;
import org.pagewright.config.ContGroupsCheck;
import org.pagewright.config.DescriptorBitsCheck;
import org.pagewright.config.FaultKind;
import org.pagewright.config.HibernationSaveCheck;
import org.pagewright.config.LeafShape;
import org.pagewright.config.MappingShapeCheck;
import org.pagewright.config.NoLeakCheck;
import org.pagewright.config.PtdumpCheck;
import org.pagewright.config.PtdumpContainsCheck;
import org.pagewright.config.PtdumpSectionCheck;
import org.pagewright.config.SetMemoryValidCheck;
import org.pagewright.config.SplitExpectation;
import org.pagewright.config.TablePagesCheck;
import org.pagewright.config.WxCleanCheck;

/** Decides one check on one state, with the reason in kernel terms. Never changes the state it is given. */
final class CheckEvaluator {
    private static final String LINEAR_REGION = "Linear Mapping";

    private final EngineSetup setup;
    private final RangeShapeEvaluator ranges;
    private final PtdumpContentEvaluator ptdumpContent;
    private PageTables aliasesOf;
    private AliasQuery aliases;

    CheckEvaluator(EngineSetup setup) {
        this.setup = setup;
        this.ranges = new RangeShapeEvaluator(setup.geometry());
        this.ptdumpContent = new PtdumpContentEvaluator(setup.layout());
    }

    /** passed + reason. */
    record Outcome(boolean passed, String reason) {
    }

    /**
     * The state a check is judged on, and the state a delta is measured against.
     *
     * @param previous the same phase of the previous revision (the baseline: the phase before)
     * @param previousLabel what previous is, e.g. "patch 14" or "the end of boot"
     */
    record Subject(PageTables state, PageTables previous, String previousLabel) {
    }

    Outcome evaluate(Check check, Subject subject) {
        PageTables state = subject.state();
        return switch (check) {
            case AccessCheck a -> a.getMappedAs() != null ? mappedAs(a, state) : access(a, state);
            case PtdumpCheck p -> ptdump(p, state);
            case PtdumpContainsCheck p -> ptdumpContent.contains(p, state);
            case PtdumpSectionCheck p -> ptdumpContent.section(p, state);
            case NoLeakCheck n -> noLeak(n, state);
            case AliasRightsCheck r -> aliasRights(r, state);
            case WxCleanCheck w -> wxClean(state);
            case SetMemoryValidCheck s -> setMemoryValid(s, state);
            case HibernationSaveCheck h -> HibernationSaves.evaluate(h, state, setup);
            case TablePagesCheck t -> t.isDelta() ? tablePagesDelta(t, subject) : tablePages(t, state);
            case DescriptorBitsCheck b -> ranges.bits(b, state);
            case MappingShapeCheck m -> ranges.shape(m, state);
            case ContGroupsCheck g -> contGroups(g, state);
            default -> new Outcome(false, "no evaluation for " + check.eClass().getName());
        };
    }

    /**
     * The leaf runs of a state, walked once for all the alias checks judged on it in a row (states
     * are never written once judged).
     */
    private AliasQuery aliases(PageTables state) {
        if (aliasesOf != state) {
            aliases = AliasQuery.of(state, setup.layout());
            aliasesOf = state;
        }
        return aliases;
    }

    private Outcome access(AccessCheck check, PageTables state) {
        Access access = Access.valueOf(check.getAccess().getName());
        Translation t = new Walker(state, setup.cpu()).translate(new VirtualAddress(check.getAddress()), access);
        String what = describe(t);
        if (!check.isExpectFault()) {
            return t instanceof Translation.Ok ok ? landing(check, ok, what) : new Outcome(false, what);
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

    /** Where a successful access lands: the leaf's level and kind, and the output address. */
    private Outcome landing(AccessCheck check, Translation.Ok ok, String what) {
        boolean asked = check.getLeafLevel() != null || check.getLeafShape() != LeafShape.ANY || check.isSetExpectedPa();
        if (!asked) {
            return new Outcome(true, what);
        }
        boolean block = ok.level() < Geometry.LAST_LEVEL;
        boolean cont = (ok.descriptor() & Descriptor.CONT) != 0;
        String leaf = what + " (" + (block ? "block" : "page") + (cont ? ", contiguous" : "") + ")";
        List<String> expected = new java.util.ArrayList<>();
        if (check.getLeafLevel() != null && check.getLeafLevel() != ok.level()) {
            expected.add("level " + check.getLeafLevel());
        }
        boolean shapeOk = switch (check.getLeafShape()) {
            case ANY -> true;
            case BLOCK -> block;
            case PAGE -> !block;
            case CONT -> cont;
        };
        if (!shapeOk) {
            expected.add(check.getLeafShape() == LeafShape.CONT ? "a contiguous entry" : "a " + check.getLeafShape().getLiteral());
        }
        if (check.isSetExpectedPa() && !ok.pa().equals(new PhysicalAddress(check.getExpectedPa()))) {
            expected.add(String.format("PA 0x%x", check.getExpectedPa()));
        }
        return new Outcome(expected.isEmpty(), expected.isEmpty() ? leaf : leaf + ", expected " + String.join(", ", expected));
    }

    /** The ptdump attribute columns of the leaf that maps the address (arch/arm64/mm/ptdump.c dump_prot). */
    private Outcome mappedAs(AccessCheck check, PageTables state) {
        Leaf leaf = state.lookup(new VirtualAddress(check.getAddress()));
        if (leaf == null || leaf.descriptor() == 0) {
            return new Outcome(false, String.format("0x%016x is not mapped%s", check.getAddress(),
                    leaf == null ? "" : " (empty level " + leaf.level() + " entry)"));
        }
        StringBuilder columns = new StringBuilder();
        AttributeColumns.append(columns, leaf.descriptor() & AttributeColumns.mask());
        String printed = columns.toString().strip().replaceAll("\\s+", " ");
        List<String> words = List.of(printed.split(" "));
        List<String> missing = java.util.Arrays.stream(check.getMappedAs().strip().split("\\s+"))
                .filter(w -> !words.contains(w)).toList();
        String reason = String.format("0x%016x is mapped by a level %d %s printed as \"%s\"", check.getAddress(),
                leaf.level(), setup.geometry().linuxLevelName(leaf.level()), printed);
        return new Outcome(missing.isEmpty(), missing.isEmpty() ? reason : reason + ", without " + String.join(" ", missing));
    }

    /** Every alias of the range's physical pages, leaf run by leaf run, none writable (or executable). */
    private Outcome aliasRights(AliasRightsCheck check, PageTables state) {
        Optional<Long> pa = setup.physical(check.getStart());
        if (pa.isEmpty()) {
            return new Outcome(false, String.format("0x%016x is neither a linear-map address nor in a kernel image "
                    + "with known load addresses", check.getStart()));
        }
        long size = check.getEnd() - check.getStart();
        boolean writable = check.getRight() == AliasRight.WRITABLE;
        int seen = 0;
        for (Alias a : aliases(state).aliasesOf(pa.get(), size)) {
            boolean linear = LINEAR_REGION.equals(a.region());
            if (check.getVia() != AliasVia.ANY && (check.getVia() == AliasVia.LINEAR) != linear) {
                continue;
            }
            seen++;
            if (writable ? a.writable() : a.executable()) {
                return new Outcome(false, String.format("PA 0x%x-0x%x %s via %s alias 0x%016x-0x%016x (%s %s)",
                        a.paStart(), a.paStart() + a.size(), writable ? "writable" : "executable", a.region(),
                        a.vaStart(), a.vaEnd(), a.levelName(), a.ptdumpAttributes()));
            }
        }
        return new Outcome(true, String.format("no %s alias of PA 0x%x-0x%x via %s mapping (%d alias run(s) checked)",
                writable ? "writable" : "executable", pa.get(), pa.get() + size,
                check.getVia() == AliasVia.ANY ? "any" : "the " + check.getVia().getLiteral(), seen));
    }

    /** The contiguous groups over the range, whole (ARM ARM D8.6.1: a mixed group is CONSTRAINED UNPREDICTABLE). */
    private Outcome contGroups(ContGroupsCheck check, PageTables state) {
        List<ContGroups.Finding> broken = ContGroups.inconsistent(state, new VaRange(check.getStart(), check.getEnd()));
        return new Outcome(broken.isEmpty(), broken.isEmpty()
                ? String.format("every contiguous group over 0x%016x-0x%016x is whole and alike", check.getStart(),
                        check.getEnd())
                : broken.size() + " broken contiguous group(s); first: " + broken.get(0));
    }

    static boolean compare(int value, Comparison comparison, int limit) {
        return switch (comparison) {
            case LE -> value <= limit;
            case LT -> value < limit;
            case EQ -> value == limit;
            case GE -> value >= limit;
            case GT -> value > limit;
        };
    }

    /** The table-page cost of what changed since the previous revision (or phase). */
    private Outcome tablePagesDelta(TablePagesCheck check, Subject subject) {
        int now = subject.state().tablePages();
        int before = subject.previous().tablePages();
        int delta = now - before;
        return new Outcome(compare(delta, check.getComparison(), check.getCount()), String.format(
                "%d table pages, %+d against %s (%d), expected %s %+d", now, delta, subject.previousLabel(), before,
                check.getComparison() == Comparison.EQ ? "" : check.getComparison().getLiteral(), check.getCount())
                .replace("expected  ", "expected "));
    }

    /** ptdump reads every table page below the root through its linear alias (TablePageReads). */
    private Outcome ptdump(PtdumpCheck check, PageTables state) {
        Optional<TablePageReads.Unreadable> unreadable = TablePageReads.firstUnreadable(state, setup.layout(),
                setup.physOffset(), setup.cpu());
        String reason = unreadable.map(u -> u.message(describe(u.fault())))
                .orElse("all " + state.reachableTablePages().size() + " table pages readable through the linear map");
        boolean walks = unreadable.isEmpty();
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
        for (AliasQuery.Finding f : aliases(state).readableAliasesOf(pa.get(), size)) {
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
        OpResult r = setup.executor().apply(copy, new Operation.SetMemoryValid(new VirtualAddress(check.getVirt()),
                check.getNumPages(), check.isValid(), "check"));
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
        if (actual != check.getExpect()) {
            return new Outcome(false, reason + "; expected " + check.getExpect().getLiteral());
        }
        String detail = actual == SplitExpectation.SPLIT ? splitDetail(check, splits) : null;
        return new Outcome(detail == null, detail == null ? reason : reason + "; expected a split " + detail);
    }

    /** What `split at level N to cont|pages` asks that the splits did not do, or null. */
    private static String splitDetail(SetMemoryValidCheck check, List<Event.Split> splits) {
        boolean levelOk = check.getSplitLevel() == null
                || splits.stream().anyMatch(s -> s.level() == check.getSplitLevel());
        boolean contSplit = splits.stream().anyMatch(s -> s.how().startsWith("split_cont"));
        boolean blockSplit = splits.stream().anyMatch(s -> s.how().startsWith("split_pmd") || s.how().startsWith("split_pud"));
        boolean targetOk = check.getSplitTo() == null
                || ("cont".equals(check.getSplitTo()) ? blockSplit && !contSplit
                        : splits.stream().anyMatch(s -> s.how().startsWith("split_contpte")));
        if (levelOk && targetOk) {
            return null;
        }
        return (check.getSplitLevel() == null ? "" : "at level " + check.getSplitLevel())
                + (check.getSplitTo() == null ? "" : (check.getSplitLevel() == null ? "" : " ") + "to " + check.getSplitTo());
    }

    private Outcome tablePages(TablePagesCheck check, PageTables state) {
        int n = state.tablePages();
        int limit = check.getCount();
        boolean ok = compare(n, check.getComparison(), limit);
        return new Outcome(ok, n + " table pages (" + n * setup.geometry().pageSize() / 1024 + " KiB), expected "
                + check.getComparison().getLiteral() + " " + limit);
    }

    private static String describe(Translation t) {
        return switch (t) {
            // one per access check: concatenated, not formatted (Hex); the same text as the formats in the comments
            // "%s 0x%016x -> PA 0x%x through a level %d leaf"
            case Translation.Ok ok -> ok.access().name().toLowerCase() + " 0x" + Hex.padded(ok.va().value(), 16)
                    + " -> PA 0x" + Long.toHexString(ok.pa().value()) + " through a level " + ok.level() + " leaf";
            // "%s 0x%016x: %s (FSC 0x%02x, ESR 0x%08x): %s"
            case Translation.Fault f -> f.access().name().toLowerCase() + " 0x" + Hex.padded(f.va().value(), 16) + ": "
                    + f.faultName() + " (FSC 0x" + Hex.padded(f.fsc(), 2) + ", ESR 0x" + Hex.padded(f.esr(), 8) + "): "
                    + f.reason();
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
