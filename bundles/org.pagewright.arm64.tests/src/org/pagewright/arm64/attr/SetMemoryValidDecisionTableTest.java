package org.pagewright.arm64.attr;

import static org.junit.jupiter.api.Assertions.*;
import static org.pagewright.arm64.Fixture.*;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Fixture;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;

/**
 * set_memory_valid(va, n, 0) on a kernel VA (7.0.1+), row by row by the leaves covering the range and whether all CPUs
 * have BBML2-noabort (plus the pre-6.18 row: any block is WARN + -EINVAL).
 */
class SetMemoryValidDecisionTableTest {
    private static final long VA = LINEAR_4K_48;

    /** The leaves covering the range before the call, and the range itself. */
    enum Layout {
        PTES(EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS), SZ_2M, VA + 0x20000, 16),
        PTES_PARTIAL_CONT_GROUP(EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS), SZ_2M, VA + 0x21000, 2),
        PMD_BLOCK_WHOLE(EnumSet.noneOf(MapFlag.class), SZ_2M, VA, 512),
        PUD_BLOCK_WHOLE(EnumSet.noneOf(MapFlag.class), SZ_1G, VA, 262144),
        PMD_BLOCK_PARTIAL(EnumSet.noneOf(MapFlag.class), SZ_2M, VA + 0x21000, 1),
        PUD_BLOCK_PARTIAL(EnumSet.noneOf(MapFlag.class), SZ_1G, VA + 0x3021000, 1);

        final Set<MapFlag> flags;
        final long mapped;
        final long target;
        final long pages;

        Layout(Set<MapFlag> flags, long mapped, long target, long pages) {
            this.flags = flags;
            this.mapped = mapped;
            this.target = target;
            this.pages = pages;
        }
    }

    enum Outcome { OK, EINVAL, ENOMEM }

    @ParameterizedTest(name = "{0}: {1} with bbml2={2} on {3} -> {4}")
    @CsvSource({
        // row, layout,                  bbml2, kernel, outcome, warned, split, mixed CONT, tables short
        "1,  PTES,                       false, 7.0.1,  OK,      false,  false, false, false",
        "1,  PTES,                       true,  7.0.1,  OK,      false,  false, false, false",
        "1,  PTES_PARTIAL_CONT_GROUP,    false, 7.0.1,  OK,      false,  false, true,  false",
        "1,  PTES_PARTIAL_CONT_GROUP,    true,  7.0.1,  OK,      false,  true,  false, false",
        "2,  PMD_BLOCK_WHOLE,            false, 7.0.1,  OK,      false,  false, false, false",
        "2,  PMD_BLOCK_WHOLE,            true,  7.0.1,  OK,      false,  false, false, false",
        "2,  PUD_BLOCK_WHOLE,            false, 7.0.1,  OK,      false,  false, false, false",
        "2,  PUD_BLOCK_WHOLE,            true,  7.0.1,  OK,      false,  false, false, false",
        "3,  PMD_BLOCK_PARTIAL,          false, 7.0.1,  EINVAL,  true,   false, false, false",
        "3,  PUD_BLOCK_PARTIAL,          false, 7.0.1,  EINVAL,  true,   false, false, false",
        "4,  PMD_BLOCK_PARTIAL,          true,  7.0.1,  OK,      false,  true,  false, false",
        "4,  PUD_BLOCK_PARTIAL,          true,  7.0.1,  OK,      false,  true,  false, false",
        "4,  PMD_BLOCK_PARTIAL,          true,  7.0.1,  ENOMEM,  true,   false, false, true",
        "4,  PUD_BLOCK_PARTIAL,          true,  7.0.1,  ENOMEM,  true,   false, false, true",
        "5,  PMD_BLOCK_WHOLE,            false, 6.12,   EINVAL,  true,   false, false, false",
        "5,  PUD_BLOCK_PARTIAL,          true,  6.12,   EINVAL,  true,   false, false, false",
    })
    void setMemoryValidFollowsTheDecisionTable(int row, Layout layout, boolean bbml2, String kernel, Outcome outcome,
            boolean warned, boolean split, boolean mixedCont, boolean tablesShort) {
        KernelRules rules = KernelRules.of(KernelVersion.parse(kernel));
        PageTables t = Fixture.tables(Geometry.G4K_48, tablesShort ? pagesFor(layout) : 1 << 20);
        assertTrue(new Mapper(t, rules).createMapping(DRAM, VA, layout.mapped, Prot.PAGE_KERNEL, layout.flags).isOk());
        long before = t.lookup(va(layout.target)).descriptor();

        OpResult r = new PageAttr(t, rules, CpuFeatures.none().withBbml2Noabort(bbml2), DirectMapPolicy.defaults())
                .setMemoryValid(layout.target, layout.pages, false);

        assertEquals(outcome, switch (r) {
            case OpResult.Ok ok -> Outcome.OK;
            case OpResult.Einval e -> Outcome.EINVAL;
            case OpResult.Enomem e -> Outcome.ENOMEM;
            default -> fail("row " + row + ": unexpected " + r);
        }, () -> "row " + row + ": " + r);
        assertEquals(warned, r.changes().warned(), () -> "row " + row + " warning: " + r.changes().events());
        assertEquals(split, !r.changes().splits().isEmpty(), () -> "row " + row + " split: " + r.changes().splits());
        assertEquals(mixedCont, !r.changes().mixedContGroups().isEmpty(), () -> "row " + row + " mixed CONT");
        long after = t.lookup(va(layout.target)).descriptor();
        if (outcome == Outcome.OK) {
            assertFalse(Descriptor.isValid(after), () -> "row " + row + ": target still valid");
            long neighbour = layout.target + layout.pages * SZ_4K;
            if (Long.compareUnsigned(neighbour, VA + layout.mapped) < 0) {
                assertTrue(Descriptor.isValid(t.lookup(va(neighbour)).descriptor()),
                        "row " + row + ": neighbour changed");
            }
        } else {
            assertEquals(before, after, () -> "row " + row + ": the block must be left unchanged");
        }
    }

    /** Exactly the table pages the mapping needs, so a split finds none left. */
    private static int pagesFor(Layout layout) {
        return layout.mapped == SZ_1G ? 2 : 3;
    }
}
