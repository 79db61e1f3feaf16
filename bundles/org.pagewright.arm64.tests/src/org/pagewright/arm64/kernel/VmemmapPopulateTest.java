package org.pagewright.arm64.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pagewright.arm64.Fixture.va;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.op.Operation.CreateMapping;

class VmemmapPopulateTest {

    private static List<CreateMapping> ops(Boot boot) {
        return new VmemmapPopulate().operations(boot).stream().map(CreateMapping.class::cast).toList();
    }

    // mmu.c vmemmap_populate: 4K pages → vmemmap_populate_hugepages, one 2M block per 128M section
    @Test
    void with4kPagesEachSectionsMemmapIsOnePmdBlock() {
        List<CreateMapping> ops = ops(TestBoots.boot("6.12", ""));
        assertEquals(8, ops.size()); // 1 GiB = 8 sections of 128M (SECTION_SIZE_BITS 27)
        assertTrue(ops.stream().allMatch(o -> o.size() == 2L << 20));
        // vmemmap + pfn: the first section's page array starts where PA 0x40000000's struct page lies
        long memstartPfn = TestBoots.DRAM >> 12;
        assertEquals(va(TestBoots.boot("6.12", "").layout().vmemmapStart() + ((0x40000000L >> 12) - memstartPfn) * 64),
                ops.get(0).virt());
    }

    // mmu.c vmemmap_populate: !CONFIG_ARM64_4K_PAGES → vmemmap_populate_basepages with PAGE_KERNEL
    @Test
    void with16kPagesTheMemmapIsPageMapped() {
        KernelBuild b = KernelBuild.debian(KernelVersion.V6_12, Geometry.G16K_47);
        KernelConfig config = new KernelConfig(b, Cmdline.of(""), CpuFeatures.none());
        Boot base = TestBoots.boot("6.12", "");
        Boot boot = new Boot(config, base.image(), base.memory(),
                org.pagewright.arm64.layout.KernelVaLayout.of(b.geometry(), b.version(), 100), OptionalLong.empty());
        List<CreateMapping> ops = ops(boot);
        long perSection = (128L << 20) / (16 << 10) * 64; // 512K of struct pages per section
        assertEquals(8 * perSection / (16 << 10), ops.size());
        assertTrue(ops.stream().allMatch(o -> o.size() == 16 << 10));
        assertTrue(ops.stream().map(Operation::origin).allMatch(o -> o.startsWith("vmemmap_populate")));
    }
}
