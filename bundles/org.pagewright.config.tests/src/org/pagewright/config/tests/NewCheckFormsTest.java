package org.pagewright.config.tests;

import static org.pagewright.config.tests.SampleConfigurations.verdict;
import static org.pagewright.config.tests.SampleConfigurations.hibernationSaves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.config.tests.SampleConfigurations.DATA_ALIAS;
import static org.pagewright.config.tests.SampleConfigurations.DATA_SIZE;
import static org.pagewright.config.tests.SampleConfigurations.F;
import static org.pagewright.config.tests.SampleConfigurations.PAGE_OFFSET;
import static org.pagewright.config.tests.SampleConfigurations.PHYS_OFFSET;

import org.junit.jupiter.api.Test;
import org.pagewright.config.AccessCheck;
import org.pagewright.config.AccessKind;
import org.pagewright.config.AddressRange;
import org.pagewright.config.Check;
import org.pagewright.config.Configuration;
import org.pagewright.config.HibernationSaveCheck;
import org.pagewright.config.KernelImage;
import org.pagewright.config.MapFlag;
import org.pagewright.config.Phase;
import org.pagewright.config.Symbol;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.EngineSetup;
import org.pagewright.config.run.RunResult;

/** Checks after a step, the kernel's kconfig, reserved and nosave frames (issue 11). */
class NewCheckFormsTest {
    private static final long DATA_PA = PHYS_OFFSET + (DATA_ALIAS - PAGE_OFFSET);

    @Test
    void aCheckAfterAStepIsJudgedOnTheStateRightAfterThatStepsLastOperation() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        AccessCheck readable = read("read lm_alias(__init_end) expect ok after step map_mem", "map_mem");
        c.getChecks().add(readable);
        AccessCheck endOfPhase = read("read lm_alias(__init_end) expect ok", null);
        c.getChecks().add(endOfPhase);

        RunResult result = ConfigurationRunner.run(c);

        assertTrue(verdict(result, readable).passed(), verdict(result, readable).reason());
        assertFalse(verdict(result, endOfPhase).passed(), "the end of boot has the alias invalid");
    }

    @Test
    void aCheckAfterAStepThatRunsNoOperationInItsPhaseFailsNamingTheStepsThere() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        AccessCheck check = read("read lm_alias(__init_end) expect ok after step map_kernel", "map_kernel");
        c.getChecks().add(check);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), check);

        assertFalse(v.passed());
        assertEquals("no operation of step 'map_kernel' runs in boot of patch 13 (its steps: map_mem, set_memory_valid)",
                v.reason());
    }

    @Test
    void anUnknownKconfigOptionIsRefusedByTheSetupNamingIt() {
        Configuration c = SampleConfigurations.dataBssSeries();
        c.getMachine().getKconfig().add("KFENCEE=n");
        c.getMachine().getKconfig().add("DEBUG_PAGEALLOC=maybe");

        RunResult result = ConfigurationRunner.run(c);

        assertEquals(2, result.problems().size(), result.problems().toString());
        assertTrue(result.problems().get(0).startsWith("machine: kconfig 'KFENCEE=n': KFENCEE is not an option"),
                result.problems().get(0));
        assertEquals("machine: kconfig 'DEBUG_PAGEALLOC=maybe': DEBUG_PAGEALLOC takes y or n", result.problems().get(1));
    }

    @Test
    void kconfigLinesReachTheKernelBuildOverTheDebianDefaults() {
        Configuration c = SampleConfigurations.dataBssSeries();
        c.getMachine().getKconfig().add("KFENCE=n");
        c.getMachine().getKconfig().add("CONFIG_DEBUG_PAGEALLOC=y");

        EngineSetup setup = EngineSetup.of(c).setup().orElseThrow();

        assertFalse(setup.kernel().build().kfence());
        assertTrue(setup.kernel().build().debugPagealloc());
        assertTrue(setup.kernel().build().rodataFullDefault(), "unnamed options keep the Debian build's value");
    }

    @Test
    void withoutConfigHibernationAHibernationCheckFails() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        c.getMachine().getKconfig().add("HIBERNATION=n");
        HibernationSaveCheck saves = hibernationSaves("hibernation saves [PAGE_OFFSET, +4K)", PAGE_OFFSET, PAGE_OFFSET + 4096);
        c.getChecks().add(saves);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), saves);

        assertFalse(v.passed());
        assertTrue(v.reason().contains("without CONFIG_HIBERNATION"), v.reason());
    }

    @Test
    void aPageThatIsNotReservedIsSavedEvenWithItsLinearAliasInvalid() {
        Configuration c = withImage(SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS));
        HibernationSaveCheck saves = hibernationSaves("hibernation saves data", DATA_ALIAS, DATA_ALIAS + DATA_SIZE);
        c.getChecks().add(saves);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), saves);

        assertTrue(v.passed(), v.reason());
        assertEquals("512 page(s) saved, 0 skipped", v.reason());
    }

    @Test
    void aReservedPageWhoseLinearAliasIsInvalidIsSkipped() {
        Configuration c = withImage(SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS));
        c.getReserved().add(range("memblock", DATA_PA + DATA_SIZE / 2, DATA_PA + DATA_SIZE));
        HibernationSaveCheck saves = hibernationSaves("hibernation saves data", DATA_ALIAS, DATA_ALIAS + DATA_SIZE);
        c.getChecks().add(saves);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), saves);

        assertFalse(v.passed());
        assertEquals(String.format("256 page(s) saved, 256 skipped; first: page at 0x%016x (linear alias 0x%016x) is "
                + "skipped: PageReserved and its linear alias is not present", DATA_ALIAS + DATA_SIZE / 2,
                DATA_ALIAS + DATA_SIZE / 2), v.reason());
    }

    @Test
    void aPresentKernelImagePageInANosaveRegionIsSkipped() {
        Configuration c = withImage(SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS));
        long imageLinear = PAGE_OFFSET + 0x200000;
        c.getNosave().add(range("__nosave", PHYS_OFFSET + 0x200000, PHYS_OFFSET + 0x201000));
        HibernationSaveCheck saves = hibernationSaves("hibernation saves image head", imageLinear, imageLinear + 0x2000);
        c.getChecks().add(saves);

        CheckVerdict v = verdict(ConfigurationRunner.run(c), saves);

        assertFalse(v.passed());
        assertTrue(v.reason().startsWith("1 page(s) saved, 1 skipped; first: page at 0xffff000000200000"), v.reason());
        assertTrue(v.reason().endsWith("skipped: PageReserved and nosave"), v.reason());
    }

    /** The kernel image at PA 0x40200000-0x40600000: the data alias (PA 0x40a00000) lies outside it. */
    private static Configuration withImage(Configuration c) {
        KernelImage image = F.createKernelImage();
        image.setName("vmlinux");
        image.setPhysBase(PHYS_OFFSET + 0x200000);
        image.setVirtBase(0xffff800080000000L);
        Symbol end = F.createSymbol();
        end.setName("_end");
        end.setAddress(0xffff800080000000L + 0x400000);
        image.getSymbols().add(end);
        c.setImage(image);
        return c;
    }

    private static AccessCheck read(String description, String afterStep) {
        AccessCheck a = F.createAccessCheck();
        a.setDescription(description);
        a.setAddress(DATA_ALIAS);
        a.setAccess(AccessKind.READ);
        a.setExpectFault(false);
        a.setPhase(Phase.BOOT);
        a.setAfterPatch(13);
        a.setAfterStep(afterStep);
        return a;
    }

    private static AddressRange range(String name, long start, long end) {
        AddressRange r = F.createAddressRange();
        r.setName(name);
        r.setStart(start);
        r.setEnd(end);
        return r;
    }
}
