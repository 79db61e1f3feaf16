package org.pagewright.arm64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CpuModelTest {

    @Test
    void aCortexA715r0p0HasTheMidrItsProcCpuinfoShows() {
        // cputype.h ARM_CPU_PART_CORTEX_A715 0xD4D; issue 10's capture: MIDR 0x410fd4d0
        assertEquals(0x410fd4d0L, CpuModel.CORTEX_A715.midr(0, 0));
        assertEquals(Optional.of(CpuModel.CORTEX_A715), CpuModel.of(0x410fd4d3L));
    }

    @Test
    void eachSpellingAndEachImplementerPartPairNamesOneModel() {
        assertEquals(CpuModel.values().length,
                Arrays.stream(CpuModel.values()).map(CpuModel::spelling).distinct().count());
        assertEquals(CpuModel.values().length, Arrays.stream(CpuModel.values())
                .map(m -> m.implementer() << 12 | m.part()).distinct().count());
    }

    @Test
    void aModelMatchesEveryVariantAndRevisionButNotAnotherImplementer() {
        // cputype.h MIDR_CPU_MODEL_MASK: implementer, architecture and part only
        assertTrue(CpuModel.CORTEX_A57.matches(CpuModel.CORTEX_A57.midr(1, 3)));
        assertFalse(CpuModel.CORTEX_A57.matches(0x420fd070L));
        assertEquals(Optional.of(CpuModel.QEMU_MAX), CpuModel.bySpelling("qemu-max"));
    }
}
