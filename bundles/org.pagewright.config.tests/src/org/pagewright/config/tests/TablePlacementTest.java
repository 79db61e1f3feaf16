package org.pagewright.config.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.config.tests.SampleConfigurations.F;
import static org.pagewright.config.tests.SampleConfigurations.PHYS_OFFSET;

import org.junit.jupiter.api.Test;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.Configuration;
import org.pagewright.config.KernelImage;
import org.pagewright.config.MapFlag;
import org.pagewright.config.Phase;
import org.pagewright.config.Symbol;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;

/** Where the runner puts table pages when the kernel image was loaded into the (only) DRAM bank, as on QEMU virt. */
class TablePlacementTest {
    private static final long IMAGE_PA = PHYS_OFFSET + 0x200000L;
    private static final long IMAGE_VA = 0xffff800080000000L;
    private static final long SWAPPER_OFFSET = 0x100000L;
    private static final long IMAGE_SIZE = 0x400000L;

    @Test
    void swapperPgDirInsideTheBankIsTheRootAndOtherTablesComeFromAboveTheImage() {
        Configuration c = SampleConfigurations.dataBssSeries(MapFlag.NO_BLOCK_MAPPINGS);
        c.setImage(imageInBank());

        RunResult result = ConfigurationRunner.run(c);

        assertTrue(result.problems().isEmpty(), result.problems().toString());
        PageTables state = result.revisions().get(0).phase(Phase.BOOT).orElseThrow().state();
        assertEquals(new PhysicalAddress(IMAGE_PA + SWAPPER_OFFSET), state.rootPa());
        for (PhysicalAddress pa : state.reachableTablePages()) {
            boolean root = pa.equals(state.rootPa());
            assertTrue(root || pa.compareTo(new PhysicalAddress(IMAGE_PA + IMAGE_SIZE)) >= 0,
                    () -> String.format("table page 0x%x lies inside the kernel image", pa.value()));
        }
    }

    private static KernelImage imageInBank() {
        KernelImage image = F.createKernelImage();
        image.setName("vmlinux");
        image.setPhysBase(IMAGE_PA);
        image.setVirtBase(IMAGE_VA);
        image.getSymbols().add(symbol("swapper_pg_dir", IMAGE_VA + SWAPPER_OFFSET));
        image.getSymbols().add(symbol("_end", IMAGE_VA + IMAGE_SIZE));
        return image;
    }

    private static Symbol symbol(String name, long address) {
        Symbol s = F.createSymbol();
        s.setName(name);
        s.setAddress(address);
        return s;
    }
}
