package org.pagewright.arm64;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class KernelRulesTest {
    private static final KernelRules K61 = KernelRules.of(KernelVersion.V6_1);
    private static final KernelRules K612 = KernelRules.of(KernelVersion.V6_12);
    private static final KernelRules K618 = KernelRules.of(KernelVersion.V6_18);
    private static final KernelRules K700 = KernelRules.of(KernelVersion.V7_0);
    private static final KernelRules K701 = KernelRules.of(KernelVersion.V7_0_1);
    private static final KernelRules K73 = KernelRules.of(KernelVersion.V7_3);

    @Test
    void blocksAreHandledByPageattrFrom618() {
        assertFalse(K612.pageattrHandlesBlocks());
        assertTrue(K618.pageattrHandlesBlocks());
    }

    @Test
    void presentInvalidEncodingAndLeafTestArriveWith701() {
        assertFalse(K700.presentInvalidEncoding());
        assertFalse(K700.pageattrRecognisesInvalidBlocks());
        assertTrue(K701.presentInvalidEncoding());
        assertTrue(K701.pageattrRecognisesInvalidBlocks());
        assertTrue(K701.splitKeepsInvalidity());
    }

    @Test
    void theDataBssSeriesRulesApplyFrom73Only() {
        assertFalse(K701.neverBlockOverTable());
        assertFalse(K701.noContOverValidNonCont());
        assertFalse(K701.liveContEntriesMayChange());
        assertTrue(K701.updateMappingProtForbidsCont());
        assertTrue(K73.neverBlockOverTable());
        assertTrue(K73.noContOverValidNonCont());
        assertTrue(K73.liveContEntriesMayChange());
        assertFalse(K73.updateMappingProtForbidsCont());
        assertEquals("BBML3", K73.blockSplitCapabilityName());
        assertEquals("BBML2-noabort", K618.blockSplitCapabilityName());
    }

    @Test
    void tableAfMatchesTheCaptures() {
        assertFalse(K612.tableEntriesGetTableAf()); // k612 linear tables: attrs 0x1800000000000003
        assertTrue(K73.tableEntriesGetTableAf());   // k73 linear tables: attrs 0x1800000000000403
    }

    @Test
    void newTableEntriesCarryTheCapturedAttributesAndPxnTableOnlyWhenAsked() {
        assertEquals(0x1800000000000003L, K612.newTableEntryBits(true));  // k612 linear tables (NO_EXEC_MAPPINGS)
        assertEquals(0x1800000000000403L, K73.newTableEntryBits(true));   // k73 linear tables
        assertEquals(0x1000000000000403L, K73.newTableEntryBits(false));  // UXNTable only: the image's tables
    }

    @Test
    void presentMeansValidOrThePresentInvalidBitOfTheVersion() {
        long ngInvalid = 0x00e8000042d00c06L; // k73 data/bss alias
        assertTrue(K73.isPresent(ngInvalid));
        assertFalse(K61.isPresent(ngInvalid)); // 6.1: PTE_PROT_NONE (bit 58) was the marker
        assertTrue(K61.isPresent(ngInvalid | 1L << 58));
        assertFalse(K73.isLeaf(0x0000000043429003L, 2)); // a table
    }

    @Test
    void modulesGetTwoGigabytesFrom65() {
        // memory.h MODULES_VSIZE (6.5, "arm64: module: rework module VA range selection")
        assertEquals(128L << 20, K61.modulesVsize());
        assertEquals(2L << 30, KernelRules.of(new KernelVersion(6, 5, 0)).modulesVsize());
    }

    @Test
    void vmemmapMovesBelowTheFixmapWithThe69Layout() {
        // memory.h (6.9, LPA2 series): VMEMMAP_END = -SZ_1G
        assertFalse(K61.vmemmapBelowFixmap());
        assertFalse(KernelRules.of(new KernelVersion(6, 8, 0)).vmemmapBelowFixmap());
        assertTrue(KernelRules.of(new KernelVersion(6, 9, 0)).vmemmapBelowFixmap());
        assertTrue(K612.vmemmapBelowFixmap());
    }
}
