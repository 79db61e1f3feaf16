package org.pagewright.arm64.kernel;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.layout.KernelVaLayout;

/**
 * A synthetic 4K/48-bit machine for recipe tests: 1 GiB of DRAM at 0x40000000 and a kernel image loaded at
 * 0x40200000 whose segments are placed so that every rule has something to bite on (2M-aligned rodata blocks,
 * a data/bss alias that is not 2M aligned, a page-aligned __bss_stop).
 */
final class TestBoots {
    static final long DRAM = 0x40000000L;
    static final long DRAM_END = 0x80000000L;
    static final long KIMAGE_VADDR = 0xffff800080000000L;
    static final long LOAD_PA = 0x40200000L;

    static final Map<String, Long> SYMBOLS = Map.ofEntries(
            Map.entry("_text", KIMAGE_VADDR),
            Map.entry("_stext", KIMAGE_VADDR + 0x10000),
            Map.entry("_etext", KIMAGE_VADDR + 0x1000000),
            Map.entry("__start_rodata", KIMAGE_VADDR + 0x1000000),
            Map.entry("__init_begin", KIMAGE_VADDR + 0x1c00000),
            Map.entry("__inittext_end", KIMAGE_VADDR + 0x1d00000),
            Map.entry("__initdata_begin", KIMAGE_VADDR + 0x1d00000),
            Map.entry("__init_end", KIMAGE_VADDR + 0x2170000),
            Map.entry("_data", KIMAGE_VADDR + 0x2170000),
            Map.entry("__bss_stop", KIMAGE_VADDR + 0x2b17000),
            Map.entry("_end", KIMAGE_VADDR + 0x2b30000));

    private TestBoots() {
    }

    static Boot boot(String version, String cmdline) {
        return boot(version, cmdline, CpuFeatures.none());
    }

    static Boot boot(String version, String cmdline, CpuFeatures cpu) {
        return boot(KernelBuild.debian(KernelVersion.parse(version), Geometry.G4K_48), cmdline, cpu,
                OptionalLong.empty());
    }

    static Boot boot(KernelBuild build, String cmdline, CpuFeatures cpu, OptionalLong kfencePool) {
        KernelConfig config = new KernelConfig(build, Cmdline.of(cmdline), cpu);
        KernelImage image = KernelImage.of(SYMBOLS, KIMAGE_VADDR - LOAD_PA).image().orElseThrow();
        PhysicalMemory memory = new PhysicalMemory(List.of(new PhysicalMemory.Bank(DRAM, DRAM_END)), DRAM);
        KernelVaLayout layout = KernelVaLayout.of(build.geometry(), build.version(), 1000);
        return new Boot(config, image, memory, layout, kfencePool);
    }

    /** A 6.12 or 7.3 kernel with KFENCE sampling on, its early pool at the given PA. */
    static Boot withKfencePool(String version, String cmdline, long poolPa) {
        KernelBuild b = KernelBuild.debian(KernelVersion.parse(version), Geometry.G4K_48).withKfence(true, 100);
        return boot(b, cmdline, CpuFeatures.none(), OptionalLong.of(poolPa));
    }
}
