package org.pagewright.arm64.query;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.*;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.VaRange;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.table.Leaf;
import org.pagewright.arm64.table.PageTables;

/** A contiguous group is whole, contiguous-bit set, valid alike, alike in attributes and consecutive in PA. */
class ContGroupsTest {
    private static final KernelRules K701 = KernelRules.of(KernelVersion.V7_0_1);

    /** 1M of linear map in contiguous 64K groups of PTEs. */
    private static PageTables contPages() {
        PageTables t = Fixture.tables(Geometry.G4K_48);
        assertTrue(new Mapper(t, K701).createMapping(DRAM, LINEAR_4K_48, 16 * SZ_64K, Prot.PAGE_KERNEL,
                EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS)).isOk());
        return t;
    }

    private static void rewrite(PageTables t, long va, long set, long clear) {
        Leaf leaf = t.lookup(va(va));
        t.setEntry(leaf.tablePa(), leaf.index(), (leaf.descriptor() | set) & ~clear);
    }

    @Test
    void groupsTheMapperBuildsAreConsistent() {
        PageTables t = contPages();

        assertTrue((t.lookup(va(LINEAR_4K_48)).descriptor() & Descriptor.CONT) != 0);
        assertEquals(List.of(), ContGroups.inconsistent(t, new VaRange(LINEAR_4K_48, LINEAR_4K_48 + 16 * SZ_64K)));
    }

    @Test
    void oneReadOnlyMemberBreaksItsGroupOnly() {
        PageTables t = contPages();
        rewrite(t, LINEAR_4K_48 + SZ_64K + 3 * SZ_4K, Descriptor.RDONLY, 0);

        List<ContGroups.Finding> found = ContGroups.inconsistent(t, new VaRange(LINEAR_4K_48, LINEAR_4K_48 + 16 * SZ_64K));

        assertEquals(1, found.size(), found::toString);
        assertEquals(LINEAR_4K_48 + SZ_64K, found.get(0).groupVa());
        assertEquals(3, found.get(0).level());
        assertTrue(found.get(0).reason().startsWith("the entry at 0xffff000000013000 has attributes"), found.get(0).reason());
    }

    @Test
    void anInvalidMemberOrOneWithoutTheBitIsReportedAndAGroupOutsideTheRangeIsNot() {
        PageTables t = contPages();
        rewrite(t, LINEAR_4K_48 + 5 * SZ_4K, 0, Descriptor.VALID);
        rewrite(t, LINEAR_4K_48 + 8 * SZ_64K, 0, Descriptor.CONT);

        List<ContGroups.Finding> first = ContGroups.inconsistent(t, new VaRange(LINEAR_4K_48, LINEAR_4K_48 + SZ_4K));
        List<ContGroups.Finding> all = ContGroups.inconsistent(t, new VaRange(LINEAR_4K_48, LINEAR_4K_48 + 16 * SZ_64K));

        assertEquals(1, first.size(), first::toString);
        assertTrue(first.get(0).reason().contains("is invalid, the one at 0xffff000000000000 valid"), first.get(0).reason());
        assertEquals(2, all.size(), all::toString);
        assertEquals("the entry at 0xffff000000080000 lacks the contiguous bit", all.get(1).reason());
    }
}
