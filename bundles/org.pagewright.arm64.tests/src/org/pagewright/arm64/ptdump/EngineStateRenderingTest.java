package org.pagewright.arm64.ptdump;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.desc.Prot;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.map.MapFlag;
import org.pagewright.arm64.map.Mapper;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.table.PageTables;

/** States built by the engine's Mapper render the lines the kernel printed for the same mapping. */
class EngineStateRenderingTest {

    @Test
    void aPageMappedBankRendersLikeThe61LinearMap() {
        KernelVaLayout layout = CaptureLogs.K61.layout();
        PageTables tables = PageTables.create(Geometry.G4K_48);
        long pa = 0x4803d000L;
        OpResult r = new Mapper(tables, KernelRules.of(KernelVersion.V6_1)).createMapping(pa,
                layout.physToVirt(pa, 0x40000000L), 0x80000000L - pa, Prot.PAGE_KERNEL_TAGGED,
                EnumSet.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS));
        assertInstanceOf(OpResult.Ok.class, r);

        List<String> out = Ptdump.render(tables, layout).lines().toList();

        // captures/k61-max-1G-nokaslr.log
        assertTrue(out.contains("0xffff00000803d000-0xffff000040000000      917260K PTE       RW NX SHD AF"
                + "            UXN    MEM/NORMAL-TAGGED"), out::toString);
        assertTrue(out.contains("0xffff000040000000-0xffff008000000000         511G PUD"), out::toString);
    }
}
