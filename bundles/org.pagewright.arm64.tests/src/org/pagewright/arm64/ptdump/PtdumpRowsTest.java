package org.pagewright.arm64.ptdump;

import static org.junit.jupiter.api.Assertions.*;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.attr.PageAttr;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.table.PageTables;

/** The dump as rows: the same lines as the text, each range with its columns and its kind. */
class PtdumpRowsTest {
    private static final KernelRules K701 = KernelRules.of(KernelVersion.V7_0_1);
    private final KernelVaLayout layout = KernelVaLayout.of(Geometry.G4K_48, KernelVersion.V7_0_1, 0x400);
    private final PageTables tables = PageTables.create(Geometry.G4K_48);
    private final long pa = 0x4000_0000L;
    private final long va = layout.physToVirt(pa, pa);

    private PtdumpRow.Range rangeAt(List<PtdumpRow> rows, long start) {
        return rows.stream().filter(r -> r instanceof PtdumpRow.Range x && x.start() == start)
                .map(PtdumpRow.Range.class::cast).findFirst().orElseThrow(() -> new AssertionError(rows));
    }

    @Test
    void theRowsJoinedAreTheRenderedDumpByteForByte() {
        new Mapper(tables, K701).createMapping(pa, va, 0x4000_0000L, Prot.PAGE_KERNEL,
                EnumSet.of(MapFlag.NO_EXEC_MAPPINGS));
        new Mapper(tables, K701).createMapping(pa, layout.kimageVaddr(), 0x20_0000L, Prot.PAGE_KERNEL_ROX,
                EnumSet.noneOf(MapFlag.class));

        List<PtdumpRow> rows = PtdumpRows.of(tables, layout);

        assertEquals(Ptdump.render(tables, layout), PtdumpRows.text(rows));
        assertInstanceOf(PtdumpRow.Marker.class, rows.get(0));
    }

    @Test
    void aRangeCarriesItsSectionSizeLevelColumnsAndKind() {
        new Mapper(tables, K701).createMapping(pa, va, 0x4000_0000L, Prot.PAGE_KERNEL,
                EnumSet.of(MapFlag.NO_EXEC_MAPPINGS));

        PtdumpRow.Range linear = rangeAt(PtdumpRows.of(tables, layout), va);

        assertEquals("Linear Mapping start", linear.section());
        assertEquals("1G", linear.size());
        assertEquals("PUD", linear.level());
        assertTrue(linear.attributes().startsWith("RW NX SHD AF"), linear.attributes());
        assertEquals(PtdumpRow.Kind.READ_WRITE, linear.kind());
        assertTrue(linear.text().endsWith(linear.attributes()));
    }

    @Test
    void anInvalidatedBlockIsAPresentInvalidRowPrintedWithF() {
        new Mapper(tables, K701).createMapping(pa, va, 0x40_0000L, Prot.PAGE_KERNEL,
                EnumSet.of(MapFlag.NO_EXEC_MAPPINGS, MapFlag.NO_CONT_MAPPINGS)); // two PMD blocks
        new PageAttr(tables, K701, CpuFeatures.none(), DirectMapPolicy.defaults()).setMemoryValid(va, 512, false);

        PtdumpRow.Range invalid = rangeAt(PtdumpRows.of(tables, layout), va);

        assertEquals(PtdumpRow.Kind.INVALID, invalid.kind());
        assertEquals("PMD", invalid.level());
        assertTrue(invalid.attributes().startsWith("F "), invalid.attributes());
    }

    @Test
    void kindsFollowThePrintedColumns() {
        assertEquals(PtdumpRow.Kind.UNMAPPED, PtdumpRow.Kind.of(0));
        assertEquals(PtdumpRow.Kind.EXECUTABLE, PtdumpRow.Kind.of(Prot.PAGE_KERNEL_ROX.bits() & AttributeColumns.mask()));
        assertEquals(PtdumpRow.Kind.READ_ONLY, PtdumpRow.Kind.of(Prot.PAGE_KERNEL_RO.bits() & AttributeColumns.mask()));
        assertEquals(PtdumpRow.Kind.READ_WRITE, PtdumpRow.Kind.of(Prot.PAGE_KERNEL.bits() & AttributeColumns.mask()));
    }
}
