package org.pagewright.config.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.config.tests.SampleConfigurations.F;
import static org.pagewright.config.tests.SampleConfigurations.PAGE_OFFSET;
import static org.pagewright.config.tests.SampleConfigurations.PHYS_OFFSET;

import org.junit.jupiter.api.Test;
import org.pagewright.config.Configuration;
import org.pagewright.config.MapFlag;
import org.pagewright.config.Phase;
import org.pagewright.config.ProtBase;
import org.pagewright.config.UpdateMappingProt;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;

/** A run in which the kernel would BUG does not pass, whatever its checks say, and names where the step was written. */
class KernelBugTest {

    @Test
    void rewritingLiveContiguousEntriesBugsOn618AndTheRunDoesNotPass() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        UpdateMappingProt ro = F.createUpdateMappingProt();
        ro.setPhys(PHYS_OFFSET);
        ro.setVirt(PAGE_OFFSET);
        ro.setSize(0x10000L);
        ro.setProt(SampleConfigurations.prot(ProtBase.PAGE_KERNEL_RO, false));
        ro.setOrigin(SampleConfigurations.origin("make_ro", null, 0, "make_ro: update_mapping_prot"));
        ro.getOrigin().setSource("cont.layout:7");
        c.getBaseline().getPhases().get(0).getOperations().add(ro);

        RunResult result = ConfigurationRunner.run(c);

        // the bank's contiguous PTEs: 6.18's pgattr_change_is_safe() refuses any live CONT entry
        assertEquals(1, result.bugs().size(), result.bugs().toString());
        RunResult.Bug bug = result.bugs().get(0);
        assertEquals(0, bug.patch());
        assertEquals(Phase.BOOT, bug.phase());
        assertEquals("cont.layout:7", bug.operation().source());
        assertTrue(bug.operation().result().startsWith("BUG"), bug.operation().result());
        assertTrue(result.failedChecks().isEmpty(), result.failedChecks().toString());
        assertFalse(result.passed());
    }
}
