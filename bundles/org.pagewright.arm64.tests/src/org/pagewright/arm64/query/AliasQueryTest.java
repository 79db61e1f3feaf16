package org.pagewright.arm64.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.ptdump.CaptureLogs;
import org.pagewright.arm64.ptdump.SparseTables;

/** Aliases of physical ranges and readable secrets; descriptor values from the captures' raw dumps. */
class AliasQueryTest {
    private static final KernelVaLayout K61 = CaptureLogs.K61.layout();
    private static final long LINEAR_RO = 0x00e0000000000783L;     // k61 raw: linear alias of text, PAGE_KERNEL_RO
    private static final long IMAGE_TEXT = 0x00d0000000000783L;    // k61 raw: kernel text, ROX + CONT
    private static final long PA_TEXT = 0x40210000L;

    private static SparseTables textMappedTwice() {
        return new SparseTables(Geometry.G4K_48)
                .putRun(3, 0xffff000000210000L, 496, LINEAR_RO, PA_TEXT)
                .putRun(3, 0xffff800008010000L, 496, IMAGE_TEXT, PA_TEXT);
    }

    @Test
    void theLinearAndTheImageAliasOfAPageAreBothFound() {
        List<Alias> aliases = AliasQuery.of(textMappedTwice(), K61).aliasesOf(PA_TEXT + 0x1000, 0x1000);

        assertEquals(List.of(0xffff000000211000L, 0xffff800008011000L), aliases.stream().map(Alias::vaStart).toList());
        assertEquals(List.of("Linear Mapping", "vmalloc()"), aliases.stream().map(Alias::region).toList());
        assertFalse(aliases.get(0).executable());
        assertTrue(aliases.get(1).executable());
    }

    @Test
    void aliasesAreClippedToTheAskedRange() {
        List<Alias> aliases = AliasQuery.of(textMappedTwice(), K61).aliasesOf(PA_TEXT + 0x3000, 0x5000);

        assertTrue(aliases.stream().allMatch(a -> a.size() == 0x5000 && a.paStart() == PA_TEXT + 0x3000));
    }

    @Test
    void aPxnTableAboveALeafMakesItNonExecutable() {
        long noPxn = LINEAR_RO & ~Descriptor.PXN;
        SparseTables t = new SparseTables(Geometry.G4K_48).putRun(3, 0xffff000000210000L, 1, noPxn, PA_TEXT);
        t.putTable(2, 0xffff000000200000L, 0x3L | 0x7fff0000L | Descriptor.TABLE_PXN | Descriptor.TABLE_UXN);

        Alias alias = AliasQuery.of(t, K61).aliasesOf(PA_TEXT, 0x1000).get(0);

        assertFalse(alias.executable());
    }

    @Test
    void aSecretBehindAPresentInvalidAliasIsNotReadable() {
        KernelVaLayout k73 = CaptureLogs.K73.layout();
        SparseTables t = new SparseTables(Geometry.G4K_52)
                .putRun(3, 0xfff0000002d00000L, 1822, 0x00e8000000000c06L, 0x42d00000L); // k73 raw: F … NG

        AliasQuery q = AliasQuery.of(t, k73);

        assertEquals(1, q.aliasesOf(0x42d00000L, 0x1000).size());
        assertTrue(q.readableAliasesOf(0x42d00000L, 0x1000).isEmpty());
    }

    @Test
    void aReadableSecretIsReportedWithItsAliasRangeLevelAndProt() {
        SparseTables t = new SparseTables(Geometry.G4K_48)
                .putRun(3, 0xffff000001860000L, 16, 0x00e8000000000707L, 0x41860000L); // k61 raw: RW tagged

        List<AliasQuery.Finding> findings = AliasQuery.of(t, K61).readableAliasesOf(0x41860000L, 0x2000);

        assertEquals(1, findings.size());
        String message = findings.get(0).message();
        assertTrue(message.contains("0xffff000001860000-0xffff000001862000"), message);
        assertTrue(message.contains("readable and writable") && message.contains("PTE"), message);
        assertTrue(message.contains("RW NX SHD AF"), message);
    }

    @Test
    void theCapturedLinearAliasOfDataBssIsNotReadableIn73ButIsIn612() {
        long pa = 0x42d00000L; // k73: lm_alias(__init_end) .. unmapped by the data/bss series
        assertTrue(AliasQuery.of(CaptureLogs.K73.rawTables(), CaptureLogs.K73.layout())
                .readableAliasesOf(pa, 0x1000).stream().noneMatch(f -> f.alias().region().equals("Linear Mapping")));
        assertTrue(AliasQuery.of(CaptureLogs.K612.rawTables(), CaptureLogs.K612.layout())
                .readableAliasesOf(pa, 0x1000).stream().anyMatch(f -> f.alias().region().equals("Linear Mapping")));
    }
}
