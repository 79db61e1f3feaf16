package org.pagewright.config.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.config.tests.SampleConfigurations.DATA_ALIAS;
import static org.pagewright.config.tests.SampleConfigurations.DATA_SIZE;
import static org.pagewright.config.tests.SampleConfigurations.F;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.ptdump.Ptdump;
import org.pagewright.config.AccessCheck;
import org.pagewright.config.AccessKind;
import org.pagewright.config.AliasVia;
import org.pagewright.config.Check;
import org.pagewright.config.Comparison;
import org.pagewright.config.Configuration;
import org.pagewright.config.CpuFeature;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.HibernationSaveCheck;
import org.pagewright.config.MapFlag;
import org.pagewright.config.NoLeakCheck;
import org.pagewright.config.Phase;
import org.pagewright.config.ProtBase;
import org.pagewright.config.PtdumpCheck;
import org.pagewright.config.SetMemoryValidCheck;
import org.pagewright.config.SplitExpectation;
import org.pagewright.config.TablePagesCheck;
import org.pagewright.config.WxCleanCheck;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.PhaseResult;
import org.pagewright.config.run.RunResult;

class ConfigurationRunnerTest {

    @Test
    void patch13MakesThePageMappedDataAliasFaultAtLevel3WhileEverythingElseHolds() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS);
        c.getChecks().add(read(DATA_ALIAS - 4096, 13));
        c.getChecks().add(noLeak(DATA_ALIAS, DATA_ALIAS + DATA_SIZE, 13));
        c.getChecks().add(named(F.createWxCleanCheck(), "wx_clean", null));
        PtdumpCheck ptdump = named(F.createPtdumpCheck(), "ptdump expect ok", null);
        c.getChecks().add(ptdump);
        TablePagesCheck budget = named(F.createTablePagesCheck(), "table_pages <= 40", null);
        budget.setComparison(Comparison.LE);
        budget.setCount(40);
        c.getChecks().add(budget);

        RunResult result = ConfigurationRunner.run(c);

        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertTrue(result.passed(), () -> "failed: " + result.failedChecks());
        CheckVerdict fault = verdict(result, "read lm_alias(__init_end) expect fault level 3", 13);
        assertTrue(fault.reason().contains("level 3 translation fault (FSC 0x07"), fault.reason());
        // wx_clean and ptdump apply to every revision: baseline and patch 13
        assertEquals(2, result.verdicts().stream().filter(v -> v.description().equals("wx_clean")).count());
        // 64M page-mapped: 32 PTE tables + PMD + PUD + root
        assertEquals(35, result.revisions().get(1).phase(Phase.RUNTIME).orElseThrow().tablePages());
    }

    @Test
    void wxCleanFailsLikePtdumpCheckWxOnAnExecutableLinearMapEvenUnderPxnTable() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        // NO_EXEC_MAPPINGS still puts PXNTable on the path, but the kernel's check reads the leaf bits only
        ((CreateMapping) c.getBaseline().getPhases().get(0).getOperations().get(0)).setProt(SampleConfigurations.prot(ProtBase.PAGE_KERNEL_EXEC, false));
        c.getChecks().add(named(F.createWxCleanCheck(), "wx_clean", 0));

        CheckVerdict wx = verdict(ConfigurationRunner.run(c), "wx_clean", 0);

        assertFalse(wx.passed());
        assertTrue(wx.reason().startsWith("Checked W+X mappings: FAILED, 16384 W+X pages found"), wx.reason());
        assertTrue(wx.reason().contains("arm64/mm: Found insecure W+X mapping at address 0xffff000000000000"), wx.reason());
    }

    @Test
    void anExpectedLeakHoldsBeforeTheUnmapAndFailsAfterIt() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        NoLeakCheck before = noLeak(DATA_ALIAS, DATA_ALIAS + DATA_SIZE, 0);
        before.setExpectLeak(true);
        NoLeakCheck after = noLeak(DATA_ALIAS, DATA_ALIAS + DATA_SIZE, 13);
        after.setExpectLeak(true);
        c.getChecks().addAll(List.of(before, after));

        RunResult result = ConfigurationRunner.run(c);

        CheckVerdict leaks = verdict(result, before.getDescription(), 0);
        assertTrue(leaks.passed(), leaks.reason());
        assertTrue(leaks.reason().contains("readable and writable via Linear Mapping alias"), leaks.reason());
        CheckVerdict gone = verdict(result, after.getDescription(), 13);
        assertFalse(gone.passed());
        assertTrue(gone.reason().endsWith(", but a leak was expected"), gone.reason());
    }

    @Test
    void readingTheInvalidatedAliasFailsWithTheFaultAsReason() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        AccessCheck wrong = read(DATA_ALIAS + 0x1000, 13);
        c.getChecks().add(wrong);
        NoLeakCheck leakBefore = noLeak(DATA_ALIAS, DATA_ALIAS + DATA_SIZE, 0);
        c.getChecks().add(leakBefore);

        RunResult result = ConfigurationRunner.run(c);

        List<CheckVerdict> failed = result.failedChecks();
        // baseline verdicts come first: the alias leaks before the patch, and cannot be read after it
        assertEquals(List.of(leakBefore.getDescription(), wrong.getDescription()),
                failed.stream().map(CheckVerdict::description).toList());
        assertTrue(failed.get(0).reason().contains("readable and writable via Linear Mapping alias 0xffff000000a00000"),
                failed.get(0).reason());
        assertTrue(failed.get(1).reason().matches(".*read 0xffff000000a01000: level 3 translation fault \\(FSC 0x07.*"),
                failed.get(1).reason());
    }

    @Test
    void setMemoryValidOverPartOfABlockIsEinvalOn618WithoutBbml2AndSplitsWithIt() {
        long insideBlock = SampleConfigurations.PAGE_OFFSET + 0x200000L + 0x1000L;
        Configuration plain = SampleConfigurations.dataBssSeries();
        plain.getChecks().add(splitCheck(insideBlock, SplitExpectation.NO_SPLIT));
        Configuration bbml2 = SampleConfigurations.dataBssSeries();
        bbml2.getMachine().getCpuFeatures().add(CpuFeature.BBML2_NOABORT);
        bbml2.getChecks().add(splitCheck(insideBlock, SplitExpectation.SPLIT));

        CheckVerdict withoutBbml2 = verdict(ConfigurationRunner.run(plain), "set_memory_valid", 0);
        CheckVerdict withBbml2 = verdict(ConfigurationRunner.run(bbml2), "set_memory_valid", 0);

        assertFalse(withoutBbml2.passed());
        assertTrue(withoutBbml2.reason().startsWith("-EINVAL"), withoutBbml2.reason());
        assertTrue(withBbml2.passed(), withBbml2.reason());
        assertTrue(withBbml2.reason().contains("split_pmd"), withBbml2.reason());
    }

    @Test
    void unmappedImagePagesAreNotSavedByHibernation() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        HibernationSaveCheck saves = named(F.createHibernationSaveCheck(), "hibernation saves data", 13);
        saves.setStart(DATA_ALIAS);
        saves.setEnd(DATA_ALIAS + DATA_SIZE);
        saves.setExpectSaved(true);
        c.getChecks().add(saves);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), "hibernation saves data", 13);

        assertFalse(v.passed());
        assertTrue(v.reason().startsWith("0 page(s) saved, 512 skipped"), v.reason());
    }

    @Test
    void thePatchDiffNamesTheInvalidatedRange() {
        RunResult result = ConfigurationRunner.run(SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS));

        PhaseResult baseline = result.revisions().get(0).phase(Phase.BOOT).orElseThrow();
        PhaseResult patched = result.revisions().get(1).phase(Phase.BOOT).orElseThrow();
        assertEquals(List.of(), baseline.diffToPrevious());
        assertEquals(1, patched.diffToPrevious().size(), patched.diffToPrevious().toString());
        assertTrue(patched.diffToPrevious().get(0).startsWith("CHANGED 0xffff000000a00000-0xffff000000c00000"),
                patched.diffToPrevious().get(0));
        assertTrue(patched.ptdump().contains("0xffff000000a00000-0xffff000000c00000           2M PTE F"),
                patched.ptdump());
    }

    @Test
    void aPhasesPtdumpAndDiffAreRenderedOnceOnFirstUseAndAreTheKernelsRenderOfItsState() {
        RunResult result = ConfigurationRunner.run(SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS));
        PhaseResult patched = result.revisions().get(1).phase(Phase.BOOT).orElseThrow();

        String ptdump = patched.ptdump();

        assertSame(ptdump, patched.ptdump());
        assertSame(patched.diffToPrevious(), patched.diffToPrevious());
        assertEquals(Ptdump.render(patched.state(), result.layout()), ptdump);
    }

    @Test
    void aMachineTheEngineCannotModelIsAProblemNotAnException() {
        Configuration c = SampleConfigurations.dataBssSeries();
        c.getMachine().setKernelVersion("banana");
        c.getMachine().setVaBits(40);

        RunResult result = ConfigurationRunner.run(c);

        assertEquals(2, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).contains("'banana'"));
        assertTrue(result.problems().get(1).contains("40-bit VA"));
        assertFalse(result.passed());
    }

    private static AccessCheck read(long address, int patch) {
        AccessCheck a = named(F.createAccessCheck(), String.format("read 0x%x expect ok", address), patch);
        a.setAddress(address);
        a.setAccess(AccessKind.READ);
        a.setExpectFault(false);
        return a;
    }

    private static NoLeakCheck noLeak(long start, long end, int patch) {
        NoLeakCheck n = named(F.createNoLeakCheck(), "no_leak data via linear after " + patch, patch);
        n.setStart(start);
        n.setEnd(end);
        n.setVia(AliasVia.LINEAR);
        return n;
    }

    private static SetMemoryValidCheck splitCheck(long virt, SplitExpectation expect) {
        SetMemoryValidCheck s = named(F.createSetMemoryValidCheck(), "set_memory_valid", 0);
        s.setVirt(virt);
        s.setNumPages(1);
        s.setValid(false);
        s.setExpect(expect);
        return s;
    }

    private static <T extends Check> T named(T check, String description, Integer patch) {
        check.setDescription(description);
        check.setAfterPatch(patch);
        return check;
    }

    private static CheckVerdict verdict(RunResult result, String description, int patch) {
        return result.verdicts().stream().filter(v -> v.description().equals(description) && v.patch() == patch)
                .findFirst().orElseThrow(() -> new AssertionError("no verdict for " + description + " in " + result.verdicts()));
    }
}
