package org.pagewright.arm64.ptdump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.layout.FixmapSize;
import org.pagewright.arm64.layout.KernelVaLayout;

/**
 * Rules of the kernel_page_tables format, each checked on a small hand-built state against lines copied from the
 * real captures (file named per test) or, where no captured line shows the rule, on the structure of the output.
 * Descriptor attribute values are the ones kernel_page_tables_raw printed for those lines.
 */
class PtdumpFormatTest {
    private static final KernelVaLayout K61 = KernelVaLayout.of(Geometry.G4K_48, KernelVersion.V6_1,
            FixmapSize.DEBIAN_6_1);
    private static final KernelVaLayout K612 = KernelVaLayout.of(Geometry.G4K_52, KernelVersion.V6_12,
            FixmapSize.DEBIAN_6_12);
    private static final KernelVaLayout K73 = KernelVaLayout.of(Geometry.G4K_52, KernelVersion.V7_3,
            FixmapSize.DEBIAN_7_3);

    private static final long PTE_RW_TAGGED = 0x00e8000000000707L;   // k61 raw: PAGE_KERNEL tagged, SH=3
    private static final long PMD_RO = 0x00e0000000000781L;          // k61 raw: PAGE_KERNEL_RO block
    private static final long MB2 = 2L << 20;

    private static List<String> lines(SparseTables tables, KernelVaLayout layout) {
        return Ptdump.render(tables, layout).lines().toList();
    }

    @Test
    void emptyEntriesOfOneLevelMergeIntoOneLinePerLevel() {
        SparseTables t = new SparseTables(Geometry.G4K_48).putRun(2, 0xffff000000400000L, 10, PMD_RO, 0x40400000L);

        List<String> out = lines(t, K61);

        // captures/k61-max-1G-nokaslr.log
        assertTrue(out.contains("0xffff000040000000-0xffff008000000000         511G PUD"), out::toString);
        assertTrue(out.contains("0xffff008000000000-0xffff800000000000      130560G PGD"), out::toString);
    }

    @Test
    void blocksPrintPmdAndBlk() {
        SparseTables t = new SparseTables(Geometry.G4K_48).putRun(2, 0xffff000000400000L, 10, PMD_RO, 0x40400000L);

        // captures/k61-max-1G-nokaslr.log
        assertTrue(lines(t, K61).contains(
                "0xffff000000400000-0xffff000001800000          20M PMD       ro NX SHD AF        BLK UXN    MEM/NORMAL"));
    }

    @Test
    void pagesWithEqualProtMergeAcrossTableBoundaries() {
        long start = 0xffff00000803d000L;
        long n = (0xffff000040000000L - start) >>> 12;
        SparseTables t = new SparseTables(Geometry.G4K_48).putRun(3, start, n, PTE_RW_TAGGED, 0x4803d000L);

        // captures/k61-max-1G-nokaslr.log: 917260K spans 448 PTE tables
        assertTrue(lines(t, K61).contains("0xffff00000803d000-0xffff000040000000      917260K PTE       RW NX SHD AF"
                + "            UXN    MEM/NORMAL-TAGGED"));
    }

    @Test
    void contiguousAndPlainEntriesAndLevelChangesSplitRanges() {
        SparseTables t = new SparseTables(Geometry.G4K_48)
                .putRun(3, 0xffff800008010000L, 496, 0x00d0000000000783L, 0x40210000L)
                .putRun(2, 0xffff800008200000L, 5, 0x00c0000000000781L, 0x40400000L)
                .putRun(3, 0xffff800008c00000L, 256, 0x00d0000000000783L, 0x40e00000L)
                .putRun(3, 0xffff800008d00000L, 256, 0x00e0000000000783L, 0x40f00000L);

        List<String> out = lines(t, K61);

        // captures/k61-max-1G-nokaslr.log, consecutive lines of the kernel image text/rodata
        int first = out.indexOf(
                "0xffff800008010000-0xffff800008200000        1984K PTE       ro x  SHD AF    CON     UXN    MEM/NORMAL");
        assertTrue(first >= 0, out::toString);
        assertEquals(List.of(
                "0xffff800008200000-0xffff800008c00000          10M PMD       ro x  SHD AF        BLK UXN    MEM/NORMAL",
                "0xffff800008c00000-0xffff800008d00000           1M PTE       ro x  SHD AF    CON     UXN    MEM/NORMAL",
                "0xffff800008d00000-0xffff800008e00000           1M PTE       ro NX SHD AF            UXN    MEM/NORMAL"),
                out.subList(first + 1, first + 4));
    }

    @Test
    void lpa2DumpsPrintBlanksWhereShdWouldBe() {
        SparseTables t = new SparseTables(Geometry.G4K_52)
                .putRun(2, 0xfff0000000200000L, 14, 0x00e0000000000481L, 0x40200000L);

        // captures/k612-max-1G-nokaslr.log
        assertTrue(lines(t, K612).contains(
                "0xfff0000000200000-0xfff0000001e00000          28M PMD       ro NX     AF        BLK UXN    MEM/NORMAL"));
    }

    @Test
    void aPresentInvalidPageRunPrintsFAndNg() {
        SparseTables t = new SparseTables(Geometry.G4K_52)
                .putRun(3, 0xfff0000002d00000L, 1822, 0x00e8000000000c06L, 0x42d00000L);

        // captures/k73-max-1G-nokaslr.log: the unmapped linear alias of [__init_end, __bss_stop)
        assertTrue(lines(t, K73).contains("0xfff0000002d00000-0xfff000000341e000        7288K PTE F     RW NX     AF NG"
                + "         UXN    MEM/NORMAL-TAGGED"));
    }

    @Test
    void fiveLevelHolesAreNamedPgdP4dAndPud() {
        SparseTables t = new SparseTables(Geometry.G4K_52)
                .putRun(2, 0xfff0000000200000L, 14, 0x00e0000000000481L, 0x40200000L)
                .putRun(3, 0xffff80007ab30000L, 1, 0x00c0000000000483L, 0x48037000L); // a module page: PGD 15 is a table

        List<String> out = lines(t, K612);

        // captures/k612-max-1G-nokaslr.log: the empty rest of the linear map
        int i = out.indexOf("0xfff0000040000000-0xfff0008000000000         511G PUD");
        assertTrue(i >= 0, out::toString);
        assertEquals(List.of(
                "0xfff0008000000000-0xfff1000000000000      261632G P4D",
                "0xfff1000000000000-0xffff000000000000        3584T PGD",
                "0xffff000000000000-0xffff800000000000         128T P4D",
                "---[ Linear Mapping end ]---",
                "---[ Modules start ]---"), out.subList(i + 1, i + 6));
    }

    @Test
    void theLastRangeEndsAtAddressZeroAfterWrapping() {
        List<String> out = lines(new SparseTables(Geometry.G4K_48), K61);

        // captures/k61-max-1G-nokaslr.log: last two lines
        assertEquals(List.of("---[ vmemmap end ]---", "0xfffffe0000000000-0x0000000000000000           2T PGD"),
                out.subList(out.size() - 2, out.size()));
    }

    @Test
    void aMarkerInsideOneEntryIsPrintedAtTheNextEntryWithoutSplittingIt() {
        List<String> out = lines(new SparseTables(Geometry.G4K_48), K61);

        // "Modules end" (0xffff800008000000) lies inside the empty 512G PGD entry at 0xffff800000000000
        int marker = out.indexOf("---[ Modules end ]---");
        assertTrue(out.get(marker - 1).startsWith("0xffff800000000000-0xffff808000000000 "), out::toString);
        assertFalse(out.stream().anyMatch(l -> l.contains("-0xffff800008000000 ")), out::toString);
    }

    @Test
    void aNonPresentInvalidBlockIsSkippedByTheWalk() {
        long va = 0xfff0000000200000L;
        long invalidNoNg = 0x00e0000000000480L; // a PAGE_KERNEL_RO block with only bit 0 cleared (pre-7.0.1 invalidate)
        SparseTables t = new SparseTables(Geometry.G4K_52)
                .putRun(2, va, 1, 0x00e0000000000481L, 0x40200000L)
                .putRun(2, va + MB2, 1, invalidNoNg, 0x40400000L)
                .putRun(2, va + 2 * MB2, 1, 0x00e0000000000481L, 0x40600000L);

        String line = lines(t, K612).stream().filter(l -> l.startsWith("0xfff0000000200000-")).findFirst().orElseThrow();

        assertEquals("0xfff0000000800000", line.substring(19, 37), "the range runs over the skipped entry: " + line);
    }

    @Test
    void aPresentInvalidBlockStartsItsOwnRange() {
        long va = 0xfff0000000200000L;
        long presentInvalid = 0x00e0000000000c80L; // the 7.0.1+ invalidate: VALID cleared, nG set
        SparseTables t = new SparseTables(Geometry.G4K_52)
                .putRun(2, va, 1, 0x00e0000000000481L, 0x40200000L)
                .putRun(2, va + MB2, 1, presentInvalid, 0x40400000L);

        List<String> out = lines(t, K73);

        String invalid = out.stream().filter(l -> l.startsWith("0xfff0000000400000-0xfff0000000600000")).findFirst()
                .orElseThrow(() -> new AssertionError(out));
        assertTrue(invalid.contains(" PMD F ") && invalid.contains(" NG "), invalid);
    }

    @Test
    void before610AnInvalidEntryWithProtNoneIsStillNoted() {
        long va = 0xffff000000400000L;
        long protNone = (1L << 58) | 0x00e0000000000780L; // PTE_PROT_NONE was the present-when-invalid bit
        SparseTables t = new SparseTables(Geometry.G4K_48)
                .putRun(2, va, 1, PMD_RO, 0x40400000L)
                .putRun(2, va + MB2, 1, protNone, 0x40600000L);

        List<String> out = lines(t, K61);

        assertTrue(out.stream().anyMatch(l -> l.startsWith("0xffff000000600000-0xffff000000800000") && l.contains(" F ")),
                out::toString);
    }
}
