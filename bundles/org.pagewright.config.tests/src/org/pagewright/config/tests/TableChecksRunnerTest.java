package org.pagewright.config.tests;

import static org.pagewright.config.tests.SampleConfigurations.verdict;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.config.tests.SampleConfigurations.BANK_SIZE;
import static org.pagewright.config.tests.SampleConfigurations.DATA_ALIAS;
import static org.pagewright.config.tests.SampleConfigurations.DATA_SIZE;
import static org.pagewright.config.tests.SampleConfigurations.F;
import static org.pagewright.config.tests.SampleConfigurations.PAGE_OFFSET;
import static org.pagewright.config.tests.SampleConfigurations.PHYS_OFFSET;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.config.AccessCheck;
import org.pagewright.config.AccessKind;
import org.pagewright.config.AliasRight;
import org.pagewright.config.AliasRightsCheck;
import org.pagewright.config.AliasVia;
import org.pagewright.config.Check;
import org.pagewright.config.Comparison;
import org.pagewright.config.Configuration;
import org.pagewright.config.ContGroupsCheck;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.DescriptorBit;
import org.pagewright.config.DescriptorBitsCheck;
import org.pagewright.config.LeafShape;
import org.pagewright.config.MapFlag;
import org.pagewright.config.MappingShape;
import org.pagewright.config.MappingShapeCheck;
import org.pagewright.config.Phase;
import org.pagewright.config.ProtBase;
import org.pagewright.config.PtdumpContainsCheck;
import org.pagewright.config.PtdumpSectionCheck;
import org.pagewright.config.SetMemoryValid;
import org.pagewright.config.SetMemoryValidCheck;
import org.pagewright.config.SplitExpectation;
import org.pagewright.config.TablePagesCheck;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;

/**
 * The checks that say what the tables look like, each judged on the sample data/bss series (a 64M bank, patch 13
 * invalidates the 2M alias at DATA_ALIAS) once where it holds and once where it fails for the reason it names.
 */
class TableChecksRunnerTest {

    @Test
    void anAccessLandsOnTheLeafLevelShapeAndPhysicalAddressItNames() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        AccessCheck page = landing(DATA_ALIAS + 0x1234, 3, LeafShape.PAGE, PHYS_OFFSET + 0xa01234L);
        AccessCheck block = landing(DATA_ALIAS, 2, LeafShape.BLOCK, null);
        AccessCheck elsewhere = landing(DATA_ALIAS, null, LeafShape.ANY, PHYS_OFFSET);
        c.getChecks().addAll(List.of(page, block, elsewhere));

        var run = ConfigurationRunner.run(c);

        assertTrue(verdict(run, page).passed(), verdict(run, page).reason());
        CheckVerdict notBlock = verdict(run, block);
        assertFalse(notBlock.passed());
        assertTrue(notBlock.reason().endsWith("through a level 3 leaf (page, contiguous), expected level 2, a block"), notBlock.reason());
        assertTrue(verdict(run, elsewhere).reason().endsWith("expected PA 0x40000000"), verdict(run, elsewhere).reason());
    }

    @Test
    void mappedAsComparesThePtdumpWordsOfTheLeaf() {
        Configuration c = SampleConfigurations.dataBssSeries();
        AccessCheck tagged = mappedAs(DATA_ALIAS, "RW NX BLK MEM/NORMAL-TAGGED", 0);
        AccessCheck readOnly = mappedAs(DATA_ALIAS, "ro NX", 0);
        AccessCheck invalid = mappedAs(DATA_ALIAS, "F", 13);
        AccessCheck hole = mappedAs(PAGE_OFFSET + BANK_SIZE, "RW", 0);
        c.getChecks().addAll(List.of(tagged, readOnly, invalid, hole));

        var run = ConfigurationRunner.run(c);

        assertTrue(verdict(run, tagged).passed(), verdict(run, tagged).reason());
        assertTrue(verdict(run, invalid).passed(), verdict(run, invalid).reason());
        CheckVerdict rw = verdict(run, readOnly);
        assertFalse(rw.passed());
        assertTrue(rw.reason().matches("0xffff000000a00000 is mapped by a level 2 PMD printed as \"RW NX .*\", without ro"),
                rw.reason());
        assertTrue(verdict(run, hole).reason().startsWith("0xffff000004000000 is not mapped (empty level 2 entry)"),
                verdict(run, hole).reason());
    }

    @Test
    void aRangeHasOrLacksBitsLeafByLeaf() {
        Configuration blocks = SampleConfigurations.dataBssSeries();
        DescriptorBitsCheck hasBlk = bits(DATA_ALIAS, DATA_ALIAS + DATA_SIZE, true, 0, DescriptorBit.BLK,
                DescriptorBit.PXN_TABLE, DescriptorBit.TAGGED);
        DescriptorBitsCheck beyondTheBank = bits(PAGE_OFFSET + BANK_SIZE - 0x1000, PAGE_OFFSET + BANK_SIZE + 0x1000,
                true, 0, DescriptorBit.AF);
        blocks.getChecks().addAll(List.of(hasBlk, beyondTheBank));
        Configuration pages = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        DescriptorBitsCheck pagesHaveBlk = bits(DATA_ALIAS, DATA_ALIAS + DATA_SIZE, true, 0, DescriptorBit.BLK);
        DescriptorBitsCheck lacksCont = bits(DATA_ALIAS, DATA_ALIAS + DATA_SIZE, false, 0, DescriptorBit.BLK,
                DescriptorBit.RDONLY);
        pages.getChecks().addAll(List.of(pagesHaveBlk, lacksCont));

        var withBlocks = ConfigurationRunner.run(blocks);
        var withPages = ConfigurationRunner.run(pages);

        assertTrue(verdict(withBlocks, hasBlk).passed(), verdict(withBlocks, hasBlk).reason());
        CheckVerdict hole = verdict(withBlocks, beyondTheBank);
        assertFalse(hole.passed());
        assertTrue(hole.reason().equals("0xffff000004000000-0xffff000004001000 is unmapped (empty level 2 PMD entry): "
                + "nothing mapped has AF"), hole.reason());
        CheckVerdict noBlk = verdict(withPages, pagesHaveBlk);
        assertFalse(noBlk.passed());
        assertTrue(noBlk.reason().matches("0xffff000000a00000-0xffff000000c00000 is level 3 PTE pages \\[RW NX .*\\] "
                + "under PXNTable lacks BLK"), noBlk.reason());
        assertTrue(verdict(withPages, lacksCont).passed(), verdict(withPages, lacksCont).reason());
    }

    @Test
    void theShapeOfARangeFollowsTheKernelsInvalidEncoding() {
        MappingShapeCheck blockAtLevel2 = shape(MappingShape.BLOCK_MAPPED, 2, 0);
        MappingShapeCheck blockAtLevel1 = shape(MappingShape.BLOCK_MAPPED, 1, 0);
        MappingShapeCheck presentInvalid = shape(MappingShape.PRESENT_INVALID, null, 13);
        MappingShapeCheck unmapped = shape(MappingShape.UNMAPPED, null, 13);
        Configuration k618 = SampleConfigurations.dataBssSeries();
        k618.getChecks().addAll(List.of(blockAtLevel2, blockAtLevel1, presentInvalid, unmapped));
        Configuration k701 = SampleConfigurations.dataBssSeries();
        k701.getMachine().setKernelVersion("7.0.1");
        MappingShapeCheck presentInvalid701 = shape(MappingShape.PRESENT_INVALID, null, 13);
        k701.getChecks().add(presentInvalid701);

        var run618 = ConfigurationRunner.run(k618);
        var run701 = ConfigurationRunner.run(k701);

        assertTrue(verdict(run618, blockAtLevel2).passed(), verdict(run618, blockAtLevel2).reason());
        assertTrue(verdict(run618, blockAtLevel1).reason().endsWith("expected block-mapped at level 1"));
        assertFalse(verdict(run618, blockAtLevel1).passed());
        // before 7.0.1 an invalidated block is not present (no PTE_PRESENT_INVALID)
        assertTrue(verdict(run618, unmapped).passed(), verdict(run618, unmapped).reason());
        CheckVerdict notPresent = verdict(run618, presentInvalid);
        assertFalse(notPresent.passed());
        assertTrue(notPresent.reason().contains("level 2 PMD invalid entries (not present)"), notPresent.reason());
        assertTrue(verdict(run701, presentInvalid701).passed(), verdict(run701, presentInvalid701).reason());
    }

    @Test
    void ptdumpLinesAndSectionsAreTheKernelsText() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        PtdumpContainsCheck whole = contains("0xffff000000000000-0xffff000004000000   64M PTE       RW NX", 0);
        PtdumpContainsCheck stillThere = contains("0xffff000000000000-0xffff000004000000 64M PTE", 13);
        PtdumpContainsCheck invalid = contains("0xffff000000a00000-0xffff000000c00000 2M PTE F", 13);
        PtdumpSectionCheck fourLines = section("Linear Mapping", 4, 0);
        PtdumpSectionCheck fourLinesAfter = section("Linear Mapping", 4, 13);
        PtdumpSectionCheck nowhere = section("Nowhere", 1, 0);
        c.getChecks().addAll(List.of(whole, stillThere, invalid, fourLines, fourLinesAfter, nowhere));

        var run = ConfigurationRunner.run(c);

        assertTrue(verdict(run, whole).passed(), verdict(run, whole).reason());
        assertTrue(verdict(run, invalid).passed(), verdict(run, invalid).reason());
        CheckVerdict gone = verdict(run, stillThere);
        assertFalse(gone.passed());
        assertTrue(gone.reason().startsWith("no line of the "), gone.reason());
        assertTrue(gone.reason().contains("; the line at that address: 0xffff000000000000-0xffff000000a00000 10M PTE"),
                gone.reason());
        assertTrue(verdict(run, fourLines).passed(), verdict(run, fourLines).reason());
        CheckVerdict six = verdict(run, fourLinesAfter);
        assertFalse(six.passed());
        // the holes count: ptdump prints a line for the empty rest of each level too
        assertTrue(six.reason().equals("Linear Mapping: 6 line(s), expected <= 4"), six.reason());
        assertTrue(verdict(run, nowhere).reason().startsWith("kernel_page_tables has no section \"Nowhere\" (markers: "
                + "Linear Mapping start, Linear Mapping end"), verdict(run, nowhere).reason());
    }

    @Test
    void noWritableOrExecutableAliasOverEveryLeafOfTheRange() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        AliasRightsCheck writableBefore = rights(AliasRight.WRITABLE, 0);
        AliasRightsCheck writableAfter = rights(AliasRight.WRITABLE, 13);
        AliasRightsCheck executable = rights(AliasRight.EXECUTABLE, 0);
        c.getChecks().addAll(List.of(writableBefore, writableAfter, executable));
        Configuration exec = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        ((CreateMapping) exec.getBaseline().getPhases().get(0).getOperations().get(0))
                .setProt(SampleConfigurations.prot(ProtBase.PAGE_KERNEL_EXEC, false));
        AliasRightsCheck executableExec = rights(AliasRight.EXECUTABLE, 0);
        exec.getChecks().add(executableExec);

        var run = ConfigurationRunner.run(c);
        var runExec = ConfigurationRunner.run(exec);

        CheckVerdict writable = verdict(run, writableBefore);
        assertFalse(writable.passed());
        assertTrue(writable.reason().startsWith("PA 0x40a00000-0x40c00000 writable via Linear Mapping alias "
                + "0xffff000000a00000-0xffff000000c00000 (PTE RW"), writable.reason());
        assertTrue(verdict(run, writableAfter).passed(), verdict(run, writableAfter).reason());
        assertTrue(verdict(run, executable).passed(), verdict(run, executable).reason());
        // PAGE_KERNEL_EXEC leaves PXN clear, but NO_EXEC_MAPPINGS' PXNTable above still forbids execution
        assertTrue(verdict(runExec, executableExec).passed(), verdict(runExec, executableExec).reason());
    }

    @Test
    void aTablePageDeltaIsAgainstThePreviousRevisionOrPhase() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        TablePagesCheck unchanged = delta(Comparison.EQ, 0, 13, Phase.RUNTIME);
        TablePagesCheck grows = delta(Comparison.GE, 1, 13, Phase.RUNTIME);
        TablePagesCheck boot = delta(Comparison.EQ, 34, 0, Phase.BOOT);
        TablePagesCheck runtime = delta(Comparison.EQ, 0, 0, Phase.RUNTIME);
        c.getChecks().addAll(List.of(unchanged, grows, boot, runtime));

        var run = ConfigurationRunner.run(c);

        assertTrue(verdict(run, unchanged).passed(), verdict(run, unchanged).reason());
        CheckVerdict noGrowth = verdict(run, grows);
        assertFalse(noGrowth.passed());
        assertTrue(noGrowth.reason().equals("35 table pages, +0 against baseline (35), expected >= +1"), noGrowth.reason());
        assertTrue(verdict(run, boot).passed(), verdict(run, boot).reason());
        assertTrue(verdict(run, boot).reason().contains("against the empty swapper_pg_dir (1)"), verdict(run, boot).reason());
        assertTrue(verdict(run, runtime).reason().contains("against the end of boot"), verdict(run, runtime).reason());
    }

    @Test
    void invalidatingOneBlockOfAContiguousPmdGroupLeavesItMixed() {
        Configuration c = SampleConfigurations.dataBssSeries();
        ContGroupsCheck before = contGroups(0);
        ContGroupsCheck after = contGroups(13);
        c.getChecks().addAll(List.of(before, after));

        var run = ConfigurationRunner.run(c);

        assertTrue(verdict(run, before).passed(), verdict(run, before).reason());
        CheckVerdict mixed = verdict(run, after);
        assertFalse(mixed.passed());
        // 6.18 invalidates the 2M block in place inside the 32M CONT_PMDS group at PAGE_OFFSET
        assertTrue(mixed.reason().equals("1 broken contiguous group(s); first: contiguous group at 0xffff000000000000 "
                + "level 2: the entry at 0xffff000000a00000 is invalid, the one at 0xffff000000000000 valid"),
                mixed.reason());
    }

    private static ContGroupsCheck contGroups(int patch) {
        ContGroupsCheck g = named(F.createContGroupsCheck(), patch);
        g.setStart(DATA_ALIAS);
        g.setEnd(DATA_ALIAS + DATA_SIZE);
        return g;
    }

    @Test
    void aSplitNamesTheLevelItHappensAtAndWhatItLeaves() {
        Configuration c = SampleConfigurations.dataBssSeries();
        c.getMachine().getCpuFeatures().add(org.pagewright.config.CpuFeature.BBML2_NOABORT);
        SetMemoryValidCheck atPmd = split(2, "pages");
        SetMemoryValidCheck atPud = split(1, null);
        SetMemoryValidCheck toCont = split(null, "cont");
        c.getChecks().addAll(List.of(atPmd, atPud, toCont));

        var run = ConfigurationRunner.run(c);

        // one page inside a PMD block: split_pmd to CONT PTEs, then split_contpte for the page's group
        assertTrue(verdict(run, atPmd).passed(), verdict(run, atPmd).reason());
        assertFalse(verdict(run, atPud).passed());
        assertTrue(verdict(run, atPud).reason().endsWith("; expected a split at level 1"), verdict(run, atPud).reason());
        assertFalse(verdict(run, toCont).passed());
        assertTrue(verdict(run, toCont).reason().contains("split_contpte"), verdict(run, toCont).reason());
    }

    private static SetMemoryValidCheck split(Integer level, String to) {
        SetMemoryValidCheck s = named(F.createSetMemoryValidCheck(), 0);
        s.setVirt(PAGE_OFFSET + 0x200000L + 0x1000L);
        s.setNumPages(1);
        s.setValid(false);
        s.setExpect(SplitExpectation.SPLIT);
        s.setSplitLevel(level);
        s.setSplitTo(to);
        return s;
    }

    @Test
    void aStepSaysWhatItsKernelFunctionReturns() {
        Configuration ok = SampleConfigurations.dataBssSeries();
        unmapStep(ok).getOrigin().setExpect("ok");
        Configuration einval = SampleConfigurations.dataBssSeries();
        unmapStep(einval).getOrigin().setExpect("einval");

        CheckVerdict holds = stepVerdict(ConfigurationRunner.run(ok));
        CheckVerdict wrong = stepVerdict(ConfigurationRunner.run(einval));

        // 6.18 toggles a whole block in place, with or without BBML2-noabort
        assertTrue(holds.passed(), holds.reason());
        assertTrue(holds.description().endsWith(" expect ok"), holds.description());
        assertFalse(wrong.passed());
        assertTrue(wrong.reason().equals("set_memory_valid 0xffff000000a00000 512 pages invalid: 0; expected -EINVAL"),
                wrong.reason());
    }

    @Test
    void anExpectedEinvalHoldsOnAPartialBlockAndItsWarnIsAWarn() {
        Configuration c = SampleConfigurations.dataBssSeries();
        SetMemoryValid partial = unmapStep(c);
        partial.setNumPages(1);
        partial.getOrigin().setExpect("warn");

        CheckVerdict warned = stepVerdict(ConfigurationRunner.run(c));

        assertTrue(warned.passed(), warned.reason());
        assertTrue(warned.reason().contains("-EINVAL with WARN"), warned.reason());
    }

    private static SetMemoryValid unmapStep(Configuration c) {
        return (SetMemoryValid) c.getPatches().get(0).getPhases().get(0).getOperations().get(1);
    }

    private static CheckVerdict stepVerdict(org.pagewright.config.run.RunResult run) {
        return run.verdicts().stream().filter(v -> v.description().startsWith("patch 13 [patch 13] expect ") && v.patch() == 13)
                .findFirst().orElseThrow(() -> new AssertionError("no step verdict in " + run.verdicts()));
    }

    // ------------------------------------------------------------------ checks as the compiler builds them

    private static int counter;

    private static <T extends Check> T named(T check, Integer patch) {
        check.setDescription(check.eClass().getName() + " #" + ++counter);
        check.setAfterPatch(patch);
        return check;
    }

    private static AccessCheck landing(long va, Integer level, LeafShape shape, Long pa) {
        AccessCheck a = named(F.createAccessCheck(), 0);
        a.setAddress(va);
        a.setAccess(AccessKind.READ);
        a.setLeafLevel(level);
        a.setLeafShape(shape);
        if (pa != null) {
            a.setExpectedPa(pa);
        }
        return a;
    }

    private static AccessCheck mappedAs(long va, String words, int patch) {
        AccessCheck a = named(F.createAccessCheck(), patch);
        a.setAddress(va);
        a.setAccess(AccessKind.READ);
        a.setMappedAs(words);
        return a;
    }

    private static DescriptorBitsCheck bits(long start, long end, boolean set, int patch, DescriptorBit... bits) {
        DescriptorBitsCheck b = named(F.createDescriptorBitsCheck(), patch);
        b.setStart(start);
        b.setEnd(end);
        b.setExpectSet(set);
        b.getBits().addAll(List.of(bits));
        return b;
    }

    private static MappingShapeCheck shape(MappingShape shape, Integer level, int patch) {
        MappingShapeCheck m = named(F.createMappingShapeCheck(), patch);
        m.setStart(DATA_ALIAS);
        m.setEnd(DATA_ALIAS + DATA_SIZE);
        m.setShape(shape);
        m.setLevel(level);
        return m;
    }

    private static PtdumpContainsCheck contains(String row, int patch) {
        PtdumpContainsCheck p = named(F.createPtdumpContainsCheck(), patch);
        p.setRow(row);
        return p;
    }

    private static PtdumpSectionCheck section(String name, int lines, int patch) {
        PtdumpSectionCheck p = named(F.createPtdumpSectionCheck(), patch);
        p.setSection(name);
        p.setComparison(Comparison.LE);
        p.setCount(lines);
        return p;
    }

    private static AliasRightsCheck rights(AliasRight right, int patch) {
        AliasRightsCheck r = named(F.createAliasRightsCheck(), patch);
        r.setStart(DATA_ALIAS);
        r.setEnd(DATA_ALIAS + DATA_SIZE);
        r.setVia(AliasVia.ANY);
        r.setRight(right);
        return r;
    }

    private static TablePagesCheck delta(Comparison comparison, int count, int patch, Phase phase) {
        TablePagesCheck t = named(F.createTablePagesCheck(), patch);
        t.setDelta(true);
        t.setComparison(comparison);
        t.setCount(count);
        t.setPhase(phase);
        return t;
    }
}
