package org.pagewright.arm64;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeometryTest {

    @ParameterizedTest(name = "{0}/{1}: {2} levels from L{3}, root has {4} entries")
    @CsvSource({
        // granule, VA bits, levels, start level, root entries (Kconfig PGTABLE_LEVELS, PTRS_PER_PGD)
        "G4K, 39, 3, 1, 512",
        "G4K, 48, 4, 0, 512",
        "G4K, 52, 5, -1, 16",
        "G16K, 36, 2, 2, 2048",
        "G16K, 47, 3, 1, 2048",
        "G16K, 48, 4, 0, 2",
        "G16K, 52, 4, 0, 32",
        "G64K, 42, 2, 2, 8192",
        "G64K, 48, 3, 1, 64",
        "G64K, 52, 3, 1, 1024",
    })
    void levelCountStartLevelAndRootSizeFollowKconfig(Granule g, int vaBits, int levels, int start, int rootEntries) {
        Geometry geo = supported(g, vaBits);
        assertEquals(levels, geo.levels());
        assertEquals(start, geo.startLevel());
        assertEquals(rootEntries, geo.entries(start));
    }

    @ParameterizedTest(name = "{0}: level 3 maps {1}, level 2 {2}, level 1 {3}")
    @CsvSource({
        "G4K, 4096, 2097152, 1073741824",
        "G16K, 16384, 33554432, 68719476736",
        "G64K, 65536, 536870912, 4398046511104",
    })
    void levelSizesFollowTheHwPgtableLevelShift(Granule g, long l3, long l2, long l1) {
        Geometry geo = supported(g, 48);
        assertEquals(l3, geo.levelSize(3));
        assertEquals(l2, geo.levelSize(2));
        assertEquals(l1, geo.levelSize(1));
    }

    @ParameterizedTest(name = "{0}: CONT {1}x at L3 = {2}, {3}x at L2 = {4}")
    @CsvSource({
        "G4K, 16, 65536, 16, 33554432",
        "G16K, 128, 2097152, 32, 1073741824",
        "G64K, 32, 2097152, 32, 17179869184",
    })
    void contiguousSpansFollowTheKconfigShifts(Granule g, int ptes, long pteSpan, int pmds, long pmdSpan) {
        Geometry geo = supported(g, 48);
        assertEquals(ptes, geo.contEntries(3));
        assertEquals(pteSpan, geo.contSize(3));
        assertEquals(pmds, geo.contEntries(2));
        assertEquals(pmdSpan, geo.contSize(2));
        assertEquals(0, geo.contEntries(1));
    }

    @Test
    void linuxUsesPudBlocksOnlyWith4kPages() {
        assertTrue(Geometry.G4K_48.linuxBlockLevel(1));
        assertTrue(Geometry.G4K_48.linuxBlockLevel(2));
        assertFalse(Geometry.G4K_48.linuxBlockLevel(0));
        assertFalse(Geometry.G16K_48.linuxBlockLevel(1));
        assertTrue(Geometry.G16K_48.linuxBlockLevel(2));
        assertFalse(Geometry.G64K_48.linuxBlockLevel(1));
        assertTrue(Geometry.G64K_48.linuxBlockLevel(2));
        assertFalse(Geometry.G4K_48.linuxBlockLevel(3));
    }

    @Test
    void combinationsKconfigDoesNotOfferAreRefusedWithAReason() {
        List<String> reasons = new ArrayList<>();
        for (Granule g : Granule.values()) {
            for (int bits : new int[] {36, 39, 42, 47, 48, 52}) {
                if (Geometry.check(g, bits) instanceof GeometryResult.Unsupported u) {
                    reasons.add(g + "/" + bits + ": " + u.reason());
                }
            }
        }
        assertEquals(8, reasons.size(), reasons::toString); // 18 combinations, 10 supported
        assertTrue(reasons.stream().anyMatch(r -> r.startsWith("G4K/42") && r.contains("Kconfig offers")));
    }

    @Test
    void anUnsupportedCombinationIsRefusedWithAReasonNamingTheGranule() {
        GeometryResult r = Geometry.check(Granule.G64K, 39);
        assertTrue(r instanceof GeometryResult.Unsupported u && u.reason().contains("64K"), r::toString);
    }

    private static Geometry supported(Granule g, int vaBits) {
        return ((GeometryResult.Supported) Geometry.check(g, vaBits)).geometry();
    }

    @Test
    void lpa2IsRefusedWith64kPagesAndWithoutFiftyTwoBits() {
        assertInstanceOf(GeometryResult.Unsupported.class, Geometry.check(Granule.G64K, 52, true));
        assertInstanceOf(GeometryResult.Unsupported.class, Geometry.check(Granule.G4K, 48, true));
        assertInstanceOf(GeometryResult.Unsupported.class, Geometry.check(Granule.G4K, 52, false));
    }

    @Test
    void fiftyTwoBitsMeansLpa2For4kAnd16kButLvaFor64k() {
        assertTrue(Geometry.G4K_52.lpa2());
        assertFalse(Geometry.G4K_52.hasShareabilityField());
        assertFalse(Geometry.G64K_52.lpa2());
        assertTrue(Geometry.G64K_52.hasShareabilityField());
        assertEquals(52, Geometry.G64K_52.paBits());
    }

    @Test
    void lpa2EncodesOutputAddressBits51To50InBits9To8() {
        long pa = (3L << 50) | 0x40000000L;
        long bits = Geometry.G4K_52.encodeOutputAddress(pa);
        assertEquals(0x300L, bits & 0x300L);
        assertEquals(pa, Geometry.G4K_52.outputAddress(bits));
    }

    @Test
    void sixtyFourKFiftyTwoBitPaEncodesBits51To48InBits15To12() {
        long pa = (0xAL << 48) | 0x20000L;
        long bits = Geometry.G64K_52.encodeOutputAddress(pa);
        assertEquals(0xA000L, bits & 0xF000L);
        assertEquals(pa, Geometry.G64K_52.outputAddress(bits));
    }

    @Test
    void indexOfTheKernelBaseIsZeroInEveryRootAndTheLastVaHitsTheLastEntry() {
        for (Geometry g : List.of(Geometry.G4K_48, Geometry.G4K_52, Geometry.G16K_48, Geometry.G64K_42)) {
            assertEquals(0, g.index(g.startLevel(), g.kernelVaStart()), g::toString);
            assertEquals(g.entries(g.startLevel()) - 1, g.index(g.startLevel(), -1L), g::toString);
        }
    }

    @Test
    void foldedLevelsTakeTheLinuxNameOfTheTopLevel() {
        assertEquals("PGD", Geometry.G4K_39.linuxLevelName(1));
        assertEquals("PUD", Geometry.G4K_48.linuxLevelName(1));
        assertEquals("P4D", Geometry.G4K_52.linuxLevelName(0));
        assertEquals("PGD", Geometry.G64K_42.linuxLevelName(2));
    }
}
