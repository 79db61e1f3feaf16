package org.pagewright.arm64.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.arm64.Fixture.pa;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.CreateMapping;

class MapMemTest {

    private static List<CreateMapping> mappings(Boot boot) {
        return new MapMem().operations(boot).stream().map(CreateMapping.class::cast).toList();
    }

    private static CreateMapping byOrigin(List<CreateMapping> ops, String origin) {
        return ops.stream().filter(o -> o.origin().equals(origin)).findFirst().orElseThrow();
    }

    @Test
    void bankLoopSkipsTheTextAliasWhichIsMappedUntaggedWithBlocksAllowedBefore73() {
        List<CreateMapping> ops = mappings(TestBoots.boot("6.12", ""));
        assertEquals(List.of(pa(0x40000000L), pa(0x41e00000L)),
                ops.subList(0, 2).stream().map(CreateMapping::phys).toList());
        assertEquals(pa(0x40200000L), ops.get(0).phys().plus(ops.get(0).size()));
        CreateMapping alias = ops.get(2);
        assertEquals("map_mem: kernel text/rodata alias", alias.origin());
        assertEquals(pa(0x40200000L), alias.phys());
        assertEquals(Set.of(MapFlag.NO_CONT_MAPPINGS), alias.flags());
        assertEquals(Prot.PAGE_KERNEL, alias.prot());
        assertEquals(Prot.PAGE_KERNEL.tagged(), ops.get(0).prot());
    }

    @Test
    void textAliasStartsAtStextIn61() {
        CreateMapping alias = byOrigin(mappings(TestBoots.boot("6.1", "")), "map_mem: kernel text/rodata alias");
        assertEquals(pa(0x40210000L), alias.phys());
    }

    @Test
    void rodataFullForcesPagesOnTheBanksButNotOnTheAliasBefore73() {
        List<CreateMapping> ops = mappings(TestBoots.boot("6.12", ""));
        assertTrue(ops.get(0).flags().containsAll(Set.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS,
                MapFlag.NO_EXEC_MAPPINGS)));
        assertFalse(byOrigin(ops, "map_mem: kernel text/rodata alias").flags().contains(MapFlag.NO_BLOCK_MAPPINGS));
    }

    @Test
    void series73MapsTextAliasThenDataBssAliasBeforeTheBanksWithTheBanksFlags() {
        List<CreateMapping> ops = mappings(TestBoots.boot("7.3", "", CpuFeatures.none().withBbml2Noabort(true)));
        assertEquals(List.of("map_mem: kernel text/rodata alias", "map_mem: kernel data/bss alias",
                "map_mem: memblock bank 0"), ops.stream().map(Operation::origin).toList());
        CreateMapping dataBss = ops.get(1);
        assertEquals(pa(0x42370000L), dataBss.phys());
        assertEquals(pa(0x42d17000L), dataBss.phys().plus(dataBss.size()));
        assertEquals(Prot.PAGE_KERNEL.tagged(), dataBss.prot());
        assertEquals(Set.of(MapFlag.NO_EXEC_MAPPINGS), dataBss.flags()); // no forced NO_BLOCK_MAPPINGS
        assertEquals(ops.get(2).flags(), dataBss.flags());
        assertEquals(pa(0x40000000L), ops.get(2).phys());
        assertEquals(1L << 30, ops.get(2).size());
    }

    @Test
    void earlyKfencePoolIsHiddenFromTheBanksAndPageMappedAfterThemBefore73() {
        List<CreateMapping> ops = mappings(TestBoots.withKfencePool("6.12", "rodata=on", 0x7f000000L));
        assertEquals(List.of(pa(0x40000000L), pa(0x41e00000L), pa(0x7f200000L)),
                ops.stream().filter(o -> o.origin().startsWith("map_mem: memblock")).map(CreateMapping::phys).toList());
        CreateMapping pool = ops.get(ops.size() - 1);
        assertEquals("map_mem: early KFENCE pool", pool.origin());
        assertEquals(Set.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS), pool.flags());
        assertEquals(Set.of(MapFlag.NO_EXEC_MAPPINGS), ops.get(0).flags()); // rodata=on, early pool: blocks allowed
    }

    @Test
    void earlyKfencePoolIsMappedFirstWithNoExecIn73() {
        List<CreateMapping> ops = mappings(TestBoots.withKfencePool("7.3", "rodata=noalias", 0x7f000000L));
        assertEquals("map_mem: early KFENCE pool", ops.get(0).origin());
        assertEquals(Set.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS),
                ops.get(0).flags());
    }

    // mmu.c linear_map_maybe_split_to_ptes (6.18): the boot CPU had BBML2-noabort, a secondary not: the banks end
    // page-mapped, the text alias keeps its leaves from lm_alias(_stext) on, less the 2M block straddling it
    @Test
    void aSecondaryWithoutBbml2LeavesOnlyTheTextAliasBlockMappedIn618() {
        List<CreateMapping> ops = mappings(TestBoots.boot("6.18", "",
                CpuFeatures.none().withBbml2NoabortOnBootCpuOnly()));
        Set<MapFlag> pte = Set.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS);
        assertEquals(pte, ops.get(0).flags());
        List<CreateMapping> alias = ops.stream().filter(o -> o.origin().startsWith("map_mem: kernel text")).toList();
        assertEquals(List.of("0x40200000-0x40400000", "0x40400000-0x41e00000"), alias.stream()
                .map(o -> String.format("0x%x-0x%x", o.phys().value(), o.phys().value() + o.size())).toList());
        assertEquals(pte, alias.get(0).flags());
        assertEquals(Set.of(MapFlag.NO_CONT_MAPPINGS), alias.get(1).flags());
    }

    @Test
    void withBbml2NoabortOnEveryCpuThe618LinearMapKeepsBlocks() {
        List<CreateMapping> ops = mappings(TestBoots.boot("6.18", "", CpuFeatures.none().withBbml2Noabort(true)));
        assertEquals(Set.of(MapFlag.NO_EXEC_MAPPINGS), ops.get(0).flags());
    }

    @Test
    void nomapHolesAreSubtractedInAddressOrder() {
        List<long[]> parts = MapMem.subtract(0, 100, List.of(new long[] {60, 70}, new long[] {10, 20}));
        assertEquals(List.of("0-10", "20-60", "70-100"), parts.stream().map(p -> p[0] + "-" + p[1]).toList());
    }
}
