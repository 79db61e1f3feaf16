package org.pagewright.arm64.walk;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.*;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.attr.PageAttr;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.table.PageTables;

/** The MMU view of one translation: every descriptor read on the way, and the walker's verdict. */
class WalkTraceTest {
    private static final KernelRules K701 = KernelRules.of(KernelVersion.V7_0_1);

    /** 4M of linear map: two PMD blocks, or pages with NO_BLOCK_MAPPINGS. */
    private static PageTables linear(EnumSet<MapFlag> flags) {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        assertTrue(new Mapper(t, K701).createMapping(DRAM, LINEAR_4K_48, 2 * SZ_2M, Prot.PAGE_KERNEL, flags).isOk());
        return t;
    }

    @Test
    void aPageMappedAddressIsReadAtEveryLevelFromTheRootToThePte() {
        PageTables t = linear(EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS));

        WalkTrace trace = WalkTrace.of(t, CpuFeatures.none(), va(LINEAR_4K_48 + 0x20_3123), Access.READ);

        assertEquals(List.of(0, 1, 2, 3), trace.levels().stream().map(WalkTrace.Level::level).toList());
        assertEquals(List.of("table", "table", "table", "page"),
                trace.levels().stream().map(WalkTrace.Level::kind).toList());
        assertEquals(t.rootPa(), trace.levels().get(0).tablePa());
        WalkTrace.Level pte = trace.levels().get(3);
        assertEquals(3, pte.index()); // 0x203123 >> 12 = 0x203: entry 3 of the second PTE table
        assertEquals(va(LINEAR_4K_48 + 0x20_3000), pte.spanStart());
        assertEquals(pa(DRAM + 0x20_3123), assertInstanceOf(Translation.Ok.class, trace.translation()).pa());
    }

    @Test
    void eachLevelReadsTheTableTheLevelAbovePointsTo() {
        PageTables t = linear(EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));

        List<WalkTrace.Level> levels = WalkTrace.of(t, CpuFeatures.none(), va(LINEAR_4K_48), Access.READ).levels();

        for (int i = 1; i < levels.size(); i++) {
            assertEquals(t.nextTablePa(levels.get(i - 1).descriptor()), levels.get(i).tablePa());
        }
    }

    @Test
    void anInvalidatedBlockEndsTheTraceAtLevel2WithItsFault() {
        PageTables t = linear(EnumSet.of(MapFlag.NO_CONT_MAPPINGS));
        new PageAttr(t, K701, CpuFeatures.none(), DirectMapPolicy.defaults()).setMemoryValid(LINEAR_4K_48, 512,
                false);

        WalkTrace trace = WalkTrace.of(t, CpuFeatures.none(), va(LINEAR_4K_48 + 0x1000), Access.WRITE);

        assertEquals("invalid", trace.levels().getLast().kind());
        assertEquals(2, trace.levels().getLast().level());
        Translation.Fault fault = assertInstanceOf(Translation.Fault.class, trace.translation());
        assertEquals(2, fault.level());
        assertEquals(0x06, fault.fsc());
    }
}
