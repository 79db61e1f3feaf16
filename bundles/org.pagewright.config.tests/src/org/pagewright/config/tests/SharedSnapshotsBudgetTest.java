package org.pagewright.config.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.config.tests.SampleConfigurations.PAGE_OFFSET;
import static org.pagewright.config.tests.SampleConfigurations.PHYS_OFFSET;

import org.junit.jupiter.api.Test;
import org.pagewright.config.ConfigFactory;
import org.pagewright.config.Configuration;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.DramBank;
import org.pagewright.config.Granule;
import org.pagewright.config.MapFlag;
import org.pagewright.config.Phase;
import org.pagewright.config.Revision;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;

/**
 * Phase snapshots share the tables they did not change (copy-on-write), so the table-page budget counts what a run
 * really keeps: a page-mapped 16 GiB linear map (8,200 table pages) with a one-page change in each of five phases
 * fits a budget of 25,000 pages, which full copies (one per phase, 41,000 pages and more) would not.
 */
class SharedSnapshotsBudgetTest {
    private static final ConfigFactory F = ConfigFactory.eINSTANCE;
    private static final long BANK = 16L << 30;

    private static Configuration pageMapped16GiB(int budgetPages) {
        Configuration c = F.createConfiguration();
        c.setName("shared");
        c.setMachine(SampleConfigurations.machine("6.18", Granule.G4K, 48));
        c.getMachine().setTablePageBudget(budgetPages);
        DramBank bank = F.createDramBank();
        bank.setName("bank0");
        bank.setBase(PHYS_OFFSET);
        bank.setSize(BANK);
        c.getMemory().add(bank);
        CreateMapping map = SampleConfigurations.mapBank(0, MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS);
        map.setSize(BANK);
        Revision baseline = F.createRevision();
        baseline.setName("baseline");
        baseline.getPhases().add(SampleConfigurations.phase(Phase.BOOT, map));
        Phase[] later = { Phase.RUNTIME, Phase.HIBERNATION_PREPARE, Phase.SNAPSHOT, Phase.POST_HIBERNATION,
                Phase.RESTORE };
        for (int i = 0; i < later.length; i++) {
            baseline.getPhases().add(SampleConfigurations.phase(later[i],
                    SampleConfigurations.setValid(PAGE_OFFSET + (i + 1) * (3L << 30), 1, false, 0)));
        }
        c.setBaseline(baseline);
        return c;
    }

    @Test
    void snapshotsThatChangeOnePageEachFitABudgetForAboutThreeStates() {
        RunResult result = ConfigurationRunner.run(pageMapped16GiB(25_000));

        assertEquals(java.util.List.of(), result.problems());
        assertEquals(6, result.revisions().get(0).phases().size());
    }

    @Test
    void aBudgetBelowTwoStatesIsStillRefusedWithAMessage() {
        RunResult result = ConfigurationRunner.run(pageMapped16GiB(12_000));

        assertEquals(1, result.problems().size(), result.problems()::toString);
        assertTrue(result.problems().get(0).contains("over the budget of 12000 pages"), result.problems().get(0));
    }
}
