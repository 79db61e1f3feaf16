package org.pagewright.arm64.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.ptdump.CaptureLogs;
import org.pagewright.arm64.ptdump.SparseTables;

/** ptdump_check_wx rules. */
class WxAuditTest {
    private static final long RW_EXEC = 0x00c8000000000703L; // PAGE_KERNEL_EXEC: RW, no PXN, UXN
    private static final long RW_NX = 0x00e8000000000707L;   // k61 raw: PAGE_KERNEL tagged

    @ParameterizedTest
    @EnumSource(CaptureLogs.class)
    void theCapturedStatesPassAsTheirKernelsReported(CaptureLogs capture) {
        WxAudit.Report report = WxAudit.check(capture.rawTables(), capture.layout());

        // every capture's dmesg: "Checked W+X mappings: passed, no W+X pages found"
        assertTrue(capture.text().contains(report.summary()), report::toString);
        assertTrue(report.passed());
    }

    @Test
    void aWritableExecutableRunFailsWithItsPageCount() {
        SparseTables t = new SparseTables(Geometry.G4K_48).putRun(3, 0xffff000000210000L, 16, RW_EXEC, 0x40210000L);

        WxAudit.Report report = WxAudit.check(t, CaptureLogs.K61.layout());

        assertEquals(16, report.wxPages());
        assertEquals(0, report.uxnPages());
        assertFalse(report.passed());
        // ptdump.c pr_warn format
        assertEquals("Checked W+X mappings: FAILED, 16 W+X pages found, 0 non-UXN pages found", report.summary());
        assertTrue(report.warnings().get(0).startsWith("arm64/mm: Found insecure W+X mapping at address "));
    }

    @Test
    void pxnTableOnThePathDoesNotSilenceTheWarning() {
        SparseTables t = new SparseTables(Geometry.G4K_48).putRun(3, 0xffff000000210000L, 16, RW_EXEC, 0x40210000L);
        t.putTable(2, 0xffff000000200000L, 0x3L | 0x7fff0000L | Descriptor.TABLE_PXN);

        assertEquals(16, WxAudit.check(t, CaptureLogs.K61.layout()).wxPages());
    }

    @Test
    void aLeafWithoutUxnIsCountedAsNonUxn() {
        SparseTables t = new SparseTables(Geometry.G4K_48)
                .putRun(3, 0xffff000000210000L, 4, RW_NX & ~Descriptor.UXN, 0x40210000L);

        WxAudit.Report report = WxAudit.check(t, CaptureLogs.K61.layout());

        assertEquals(4, report.uxnPages());
        assertEquals(0, report.wxPages());
        assertTrue(report.warnings().get(0).startsWith("arm64/mm: Found non-UXN mapping at address "));
    }

    @Test
    void onlyTheFirstOffenceOfEachKindWarns() {
        SparseTables t = new SparseTables(Geometry.G4K_48)
                .putRun(3, 0xffff000000210000L, 1, RW_EXEC, 0x40210000L)
                .putRun(3, 0xffff000000212000L, 1, RW_EXEC, 0x40212000L);

        WxAudit.Report report = WxAudit.check(t, CaptureLogs.K61.layout());

        assertEquals(2, report.wxPages());
        assertEquals(1, report.warnings().size());
    }
}
