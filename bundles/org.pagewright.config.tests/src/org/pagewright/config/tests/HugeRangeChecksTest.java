package org.pagewright.config.tests;

import static org.pagewright.config.tests.SampleConfigurations.verdict;
import static org.pagewright.config.tests.SampleConfigurations.hibernationSaves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.config.tests.SampleConfigurations.F;
import static org.pagewright.config.tests.SampleConfigurations.PAGE_OFFSET;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.AliasVia;
import org.pagewright.config.Check;
import org.pagewright.config.Configuration;
import org.pagewright.config.HibernationSaveCheck;
import org.pagewright.config.MapFlag;
import org.pagewright.config.NoLeakCheck;
import org.pagewright.config.Phase;
import org.pagewright.config.SetMemoryValidCheck;
import org.pagewright.config.SplitExpectation;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.EngineSetup;
import org.pagewright.config.run.HibernationSaves;
import org.pagewright.config.run.RunResult;

/**
 * Checks over ranges far larger than what is mapped are judged leaf run by leaf run (issue 13: a page-by-page walk
 * of 1T took 11 s, of the whole VA minutes). The 64M bank is page-mapped, and patch 13 makes 2M of it invalid.
 */
class HugeRangeChecksTest {
    private static final long TIB = 1L << 40;
    private static final long PAGES_PER_TIB = TIB / 4096;

    @Test
    void hibernationOverATerabyteTakesOneKernelPagePresentLookupPerLeafRunNotOnePerPage() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS);
        HibernationSaveCheck saves = hibernationSaves("hibernation saves [PAGE_OFFSET, +1T)", PAGE_OFFSET, PAGE_OFFSET + TIB);
        c.getChecks().add(saves);

        RunResult result = ConfigurationRunner.run(c);
        PageTables patched = result.revisions().get(1).phase(Phase.RUNTIME).orElseThrow().state();

        // 10M valid PTEs, 2M present-invalid, 52M valid, then empty PMD, PUD and PGD entries: six pieces (page by
        // page: 2^28 lookups)
        assertEquals(6, HibernationSaves.lookups(saves, patched, EngineSetup.of(c).setup().orElseThrow()));
        CheckVerdict v = verdict(result, saves);
        assertFalse(v.passed());
        assertTrue(v.reason().startsWith("15872 page(s) saved, " + (PAGES_PER_TIB - 15872) + " skipped; first: page "
                + "at 0xffff000000a00000"), v.reason());
    }

    @Test
    void hibernationOverTheWholeLinearMapCountsEveryPageOfIt() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        HibernationSaveCheck skips = hibernationSaves("hibernation skips [PAGE_OFFSET, +128T)", PAGE_OFFSET,
                PAGE_OFFSET + 128 * TIB);
        skips.setExpectSaved(false);
        c.getChecks().add(skips);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), skips);

        assertFalse(v.passed());
        assertTrue(v.reason().startsWith("15872 page(s) saved, " + (128 * PAGES_PER_TIB - 15872) + " skipped; first: "
                + "page at 0xffff000000000000 (linear alias 0xffff000000000000) is saved"), v.reason());
    }

    @Test
    void noLeakOverTheWhole256TiBKernelVaFindsTheLinearAliasOfTheBank() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        NoLeakCheck noLeak = F.createNoLeakCheck();
        noLeak.setDescription("no_leak [PAGE_OFFSET, +256T)");
        noLeak.setStart(PAGE_OFFSET);
        noLeak.setEnd(0); // 2^64: the end of the TTBR1 range of a 48-bit VA
        noLeak.setVia(AliasVia.ANY);
        noLeak.setAfterPatch(13);
        c.getChecks().add(noLeak);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), noLeak);

        assertFalse(v.passed());
        assertTrue(v.reason().startsWith("PA 0x40000000-0x40a00000 readable and writable via Linear Mapping alias "
                + "0xffff000000000000-0xffff000000a00000"), v.reason());
    }

    @Test
    void setMemoryValidOverATerabyteOfTheLinearMapIsJudged() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        SetMemoryValidCheck valid = F.createSetMemoryValidCheck();
        valid.setDescription("set_memory_valid [PAGE_OFFSET, +1T) valid expect no_split");
        valid.setVirt(PAGE_OFFSET);
        valid.setNumPages(PAGES_PER_TIB);
        valid.setValid(true);
        valid.setExpect(SplitExpectation.NO_SPLIT);
        valid.setAfterPatch(13);
        c.getChecks().add(valid);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), valid);

        assertTrue(v.passed(), v.reason());
    }
}
