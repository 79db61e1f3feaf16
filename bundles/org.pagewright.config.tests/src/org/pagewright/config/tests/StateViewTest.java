package org.pagewright.config.tests;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.config.tests.SampleConfigurations.DATA_ALIAS;
import static org.pagewright.config.tests.SampleConfigurations.PHYS_OFFSET;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.ptdump.PtdumpRow;
import org.pagewright.arm64.ptdump.PtdumpRows;
import org.pagewright.arm64.query.Alias;
import org.pagewright.arm64.walk.Access;
import org.pagewright.arm64.walk.Translation;
import org.pagewright.arm64.walk.WalkTrace;
import org.pagewright.config.MapFlag;
import org.pagewright.config.Phase;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.PtdumpDiff;
import org.pagewright.config.run.RunResult;
import org.pagewright.config.run.StateView;

/** A state of a run as the Page Tables view and the command line read it: rows, lookups, aliases, diffs. */
class StateViewTest {
    private final RunResult run = ConfigurationRunner.run(SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS,
            MapFlag.NO_CONT_MAPPINGS));
    private final StateView baseline = run.state(0, Phase.RUNTIME).orElseThrow();
    private final StateView patch13 = run.state(13, Phase.RUNTIME).orElseThrow();

    @Test
    void aStateIsFoundByPatchAndPhaseAndNamedAfterThem() {
        assertEquals("data_bss_v4 patch 13 runtime", patch13.label());
        assertTrue(run.state(14, Phase.RUNTIME).isEmpty());
        assertEquals(1, patch13.verdicts().size(), "the read check is judged on patch 13 at runtime");
    }

    @Test
    void aPhaseThatChangesNothingSharesTheStateOfThePhaseBefore() {
        // the sample maps everything at boot: every later phase holds the boot state, once
        assertSame(patch13.phase().state(), run.state(13, Phase.RESTORE).orElseThrow().phase().state());
        assertNotSame(baseline.phase().state(), patch13.phase().state());
    }

    @Test
    void theRowsOfAStateAreItsPtdump() {
        assertEquals(patch13.phase().ptdump(), PtdumpRows.text(patch13.ptdumpRows()));
        assertTrue(patch13.ptdumpRows().stream().anyMatch(r -> r instanceof PtdumpRow.Range x
                && x.start() == DATA_ALIAS && x.kind() == PtdumpRow.Kind.INVALID), patch13.phase().ptdump());
    }

    @Test
    void theLookupOfTheUnmappedAliasReportsTheLevel3TranslationFault() {
        WalkTrace trace = patch13.lookup(DATA_ALIAS + 0x1000, Access.READ);

        Translation.Fault fault = assertInstanceOf(Translation.Fault.class, trace.translation());
        assertEquals(3, fault.level());
        assertEquals(4, trace.levels().size());
        assertInstanceOf(Translation.Ok.class, baseline.lookup(DATA_ALIAS + 0x1000, Access.READ).translation());
    }

    @Test
    void thePhysicalPagesOfTheAliasAreMappedOnceByTheLinearMap() {
        long pa = DATA_ALIAS - SampleConfigurations.PAGE_OFFSET + PHYS_OFFSET;
        List<Alias> aliases = baseline.aliasesOf(pa, 4096);

        assertEquals(1, aliases.size(), aliases::toString);
        assertEquals(DATA_ALIAS, aliases.get(0).vaStart());
        assertTrue(aliases.get(0).writable());
    }

    @Test
    void theDiffBetweenTheBaselineAndPatch13IsTheAliasBlockTurningInvalid() {
        List<String> unified = PtdumpDiff.unified(baseline, patch13, 0);

        assertEquals("--- data_bss_v4 baseline runtime", unified.get(0));
        assertEquals("+++ data_bss_v4 patch 13 runtime", unified.get(1));
        assertTrue(unified.stream().anyMatch(l -> l.startsWith("+") && l.contains(String.format("0x%016x", DATA_ALIAS))
                && l.contains(" F ")), unified::toString);
        List<PtdumpDiff.Row> changes = PtdumpDiff.changes(baseline, patch13);
        assertFalse(changes.isEmpty());
        assertTrue(PtdumpDiff.unified(patch13, patch13, 3).isEmpty(), "a state does not differ from itself");
    }
}
