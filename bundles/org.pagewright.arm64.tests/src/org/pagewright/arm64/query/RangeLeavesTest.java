package org.pagewright.arm64.query;

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
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.attr.PageAttr;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.table.PageTables;

/** The leaves over a range, one span per run of like entries, holes included, clipped to the range. */
class RangeLeavesTest {
    private static final KernelRules K701 = KernelRules.of(KernelVersion.V7_0_1);

    private static PageTables linear(long size, EnumSet<MapFlag> flags) {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        assertTrue(new Mapper(t, K701).createMapping(DRAM, LINEAR_4K_48, size, Prot.PAGE_KERNEL, flags).isOk());
        return t;
    }

    @Test
    void twoBlocksOfLikeAttributesAreOneSpanClippedToTheRange() {
        PageTables t = linear(2 * SZ_2M, EnumSet.of(MapFlag.NO_CONT_MAPPINGS));

        List<RangeLeaves.Span> spans = RangeLeaves.of(t, new VaRange(LINEAR_4K_48 + SZ_4K, LINEAR_4K_48 + 2 * SZ_2M - SZ_4K));

        assertEquals(1, spans.size(), spans::toString);
        RangeLeaves.Span s = spans.get(0);
        assertEquals(2, s.level());
        assertEquals(LINEAR_4K_48 + SZ_4K, s.vaStart());
        assertEquals(LINEAR_4K_48 + 2 * SZ_2M - SZ_4K, s.vaEnd());
        assertTrue(s.valid());
    }

    @Test
    void aRangeEndingInsideTheLastPageOfTheAddressSpaceEndsThereNotAtTheTop() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        new Mapper(t, K701).createMapping(DRAM, -SZ_4K, SZ_4K, Prot.PAGE_KERNEL, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));

        List<RangeLeaves.Span> spans = RangeLeaves.of(t, new VaRange(-SZ_4K, -0x800L));

        assertEquals(1, spans.size(), spans::toString);
        assertEquals(-0x800L, spans.get(0).vaEnd());
        assertTrue(spans.get(0).valid());
    }

    @Test
    void aHoleAfterTheMappingIsAnEmptySpanAtTheLevelWhereTheLookupStops() {
        PageTables t = linear(SZ_2M, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS));

        List<RangeLeaves.Span> spans = RangeLeaves.of(t, new VaRange(LINEAR_4K_48, LINEAR_4K_48 + 2 * SZ_2M));

        assertEquals(2, spans.size(), spans::toString);
        assertEquals(3, spans.get(0).level());
        assertEquals(LINEAR_4K_48 + SZ_2M, spans.get(0).vaEnd());
        assertTrue(spans.get(1).empty());
        assertEquals(2, spans.get(1).level());
    }

    @Test
    void invalidatedPagesSplitTheRunAndKeepTheTableBitsOfTheirPath() {
        PageTables t = linear(SZ_2M, EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS,
                MapFlag.NO_EXEC_MAPPINGS));
        new PageAttr(t, K701, CpuFeatures.none(), DirectMapPolicy.defaults()).setMemoryValid(LINEAR_4K_48 + SZ_64K,
                16, false);

        List<RangeLeaves.Span> spans = RangeLeaves.of(t, new VaRange(LINEAR_4K_48, LINEAR_4K_48 + SZ_2M));

        assertEquals(List.of(true, false, true), spans.stream().map(RangeLeaves.Span::valid).toList());
        assertEquals(LINEAR_4K_48 + SZ_64K, spans.get(1).vaStart());
        assertEquals(LINEAR_4K_48 + 2 * SZ_64K, spans.get(1).vaEnd());
        assertTrue(spans.get(1).leaf());
        assertTrue(spans.stream().allMatch(s -> (s.pathTableBits() & Descriptor.TABLE_PXN) != 0), spans::toString);
    }
}
