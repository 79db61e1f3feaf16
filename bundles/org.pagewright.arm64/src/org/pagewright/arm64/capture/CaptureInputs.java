package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.GeometryResult;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.kernel.Bbml2AllowList;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.Cmdline;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.KernelConfig;
import org.pagewright.arm64.kernel.KernelImage;
import org.pagewright.arm64.kernel.PhysicalMemory;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;
import org.pagewright.arm64.layout.KernelVaLayout;

/**
 * Turns a parsed capture into the recipes' inputs: a {@link Boot} (version, geometry, cmdline, CPU features from
 * the ID registers and MIDR, image symbols, memblock banks, PHYS_OFFSET, VA layout) plus the run-time read-only
 * vmalloc pages observed in the hardware walk. Only inputs are read — never the linear map or image lines the
 * recipes are judged against. Every guess made for a missing input is listed in {@code assumptions}.
 */
public record CaptureInputs(Boot boot, List<ReadOnlyVmallocPages> readOnlyVmallocPages, List<String> assumptions) {

    private static final long SEGMENT_ALIGN = 64 * 1024; // memory.h SEGMENT_ALIGN

    /** Builds the inputs; the value is empty when something essential is missing (see problems). */
    public static Parsed<Optional<CaptureInputs>> from(Capture c, KernelBuild.Builder buildDefaults) {
        List<Problem> problems = new ArrayList<>();
        List<String> assumptions = new ArrayList<>();
        PtdumpModInfo mod = c.modInfo();
        OptionalLong pageOffset = mod.value("PAGE_OFFSET");
        OptionalLong voffset = mod.value("kimage_voffset");
        OptionalLong physOffset = mod.value("PHYS_OFFSET");
        if (c.release().isEmpty() || pageOffset.isEmpty() || voffset.isEmpty() || physOffset.isEmpty()) {
            problems.add(new Problem(0, "need uname, PAGE_OFFSET, kimage_voffset and PHYS_OFFSET"));
            return Parsed.of(Optional.empty(), problems);
        }
        KernelVersion version = KernelVersion.parse(c.release().get().version());
        Granule granule = granuleFromTcr(mod.value("TCR_EL1"), assumptions);
        int vaBits = Long.numberOfTrailingZeros(pageOffset.getAsLong()); // memory.h PAGE_OFFSET = -(1 << VA_BITS)
        GeometryResult gr = Geometry.check(granule, vaBits);
        if (!(gr instanceof GeometryResult.Supported supported)) {
            problems.add(new Problem(0, ((GeometryResult.Unsupported) gr).reason()));
            return Parsed.of(Optional.empty(), problems);
        }
        Geometry geometry = supported.geometry();
        KernelBuild build = buildDefaults.build(version, geometry);
        Cmdline cmdline = new Cmdline(c.cmdline());

        Optional<IdRegisters> id = mod.idRegisters();
        boolean kaslr = build.randomizeBase() && !cmdline.has("nokaslr");
        boolean e0pd = id.map(IdRegisters::e0pd).orElse(false);
        boolean lpa2 = id.map(r -> granule == Granule.G16K ? r.lpa2With16k() : r.lpa2With4k()).orElse(false);
        boolean bbml2 = c.midr().isPresent() && Bbml2AllowList.contains(c.midr().getAsLong());
        if (c.midr().isEmpty()) {
            assumptions.add("no boot MIDR: CPU taken as not BBML2-noabort");
        }
        CpuFeatures cpu = CpuFeatures.of(bbml2, lpa2, false, KernelConfig.kaslrRequiresNg(kaslr, e0pd), false);
        KernelConfig config = new KernelConfig(build, cmdline, cpu);

        Optional<KernelImage> image = image(c, voffset.getAsLong(), assumptions, problems);
        if (image.isEmpty()) {
            return Parsed.of(Optional.empty(), problems);
        }
        List<PhysicalMemory.Bank> banks = c.memblockMemory().stream().filter(r -> !r.label().contains("NOMAP"))
                .map(r -> new PhysicalMemory.Bank(r.start(), r.end())).toList();
        if (banks.isEmpty()) {
            banks = c.iomem().systemRam().stream().map(r -> new PhysicalMemory.Bank(r.start(), r.end())).toList();
            assumptions.add("no memblock_memory: banks taken from iomem System RAM");
        }
        PhysicalMemory memory = new PhysicalMemory(banks, physOffset.getAsLong());
        int vabitsActual = (int) mod.value("vabits_actual").orElse(vaBits);
        KernelVaLayout layout = KernelVaLayout.of(geometry, version, vabitsActual, fixmapPages(mod, geometry));
        Boot boot = new Boot(config, image.get(), memory, layout, kfencePool(config, banks, assumptions));
        return Parsed.of(Optional.of(new CaptureInputs(boot, readOnlyVmalloc(c, boot), assumptions)), problems);
    }

    /**
     * mmu.c arm64_kfence_alloc_pool = memblock_phys_alloc(KFENCE_POOL_SIZE, PAGE_SIZE), the first allocation of
     * map_mem; memblock allocates top-down, and before paging_init the top of DRAM is normally still free. A
     * heuristic (the capture does not record the pool's address), listed in the assumptions when used.
     */
    private static OptionalLong kfencePool(KernelConfig config, List<PhysicalMemory.Bank> banks,
            List<String> assumptions) {
        if (!config.kfenceEarlyPool() || banks.isEmpty()) {
            return OptionalLong.empty();
        }
        long top = banks.get(banks.size() - 1).end();
        long pool = (top - config.kfencePoolSize()) & -config.build().geometry().pageSize();
        assumptions.add(String.format("early KFENCE pool assumed at the top of DRAM: 0x%x", pool));
        return OptionalLong.of(pool);
    }

    private static Granule granuleFromTcr(OptionalLong tcr, List<String> assumptions) {
        if (tcr.isEmpty()) {
            assumptions.add("no TCR_EL1: 4K granule assumed");
            return Granule.G4K;
        }
        return switch ((int) ((tcr.getAsLong() >>> 30) & 3)) { // TCR_EL1.TG1
            case 1 -> Granule.G16K;
            case 3 -> Granule.G64K;
            default -> Granule.G4K;
        };
    }

    private static long fixmapPages(PtdumpModInfo mod, Geometry geometry) {
        long start = 0;
        long end = 0;
        for (PtdumpModInfo.Marker m : mod.markers()) {
            if (m.name().equals("Fixmap start")) {
                start = m.address();
            } else if (m.name().equals("Fixmap end")) {
                end = m.address();
            }
        }
        return (end - start) / geometry.pageSize();
    }

    /**
     * The image symbols from kallsyms, completed from /proc/iomem (setup.c request_standard_resources: "Kernel
     * code" = [_stext or _text, __init_begin), "Kernel data" = [_sdata, _end)) and vmlinux.lds.S identities.
     */
    private static Optional<KernelImage> image(Capture c, long voffset, List<String> assumptions,
            List<Problem> problems) {
        Map<String, Long> s = new HashMap<>(c.kallsyms().all());
        Optional<PhysRange> code = c.iomem().named("Kernel code");
        Optional<PhysRange> data = c.iomem().named("Kernel data");
        fill(s, "_data", s.get("_sdata"), "_data = _sdata (vmlinux.lds.S)", assumptions);
        if (data.isPresent()) {
            fill(s, "_data", data.get().start() + voffset, "_sdata from iomem Kernel data", assumptions);
            fill(s, "_end", data.get().end() + voffset, "_end from iomem Kernel data", assumptions);
        }
        if (code.isPresent()) {
            fill(s, "__init_begin", code.get().end() + voffset, "__init_begin from iomem Kernel code", assumptions);
        }
        fill(s, "__init_end", s.get("_data"), "__init_end = _data (vmlinux.lds.S)", assumptions);
        fill(s, "__initdata_end", s.get("__init_end"), "__initdata_end = __init_end (vmlinux.lds.S)", assumptions);
        fill(s, "__start_rodata", s.get("_etext"), "__start_rodata = _etext (vmlinux.lds.S)", assumptions);
        fill(s, "__inittext_end", s.get("__initdata_begin"), "__inittext_end = __initdata_begin", assumptions);
        if (!s.containsKey("__inittext_end") && s.containsKey("_einittext")) {
            long guess = alignUp(s.get("_einittext"), SEGMENT_ALIGN);
            fill(s, "__inittext_end", guess, "__inittext_end ~ ALIGN(_einittext, SEGMENT_ALIGN): only shapes"
                    + " the tables of the init region that free_initmem unmaps", assumptions);
        }
        fill(s, "__initdata_begin", s.get("__inittext_end"), "__initdata_begin = __inittext_end", assumptions);
        if (s.containsKey("_stext")) {
            fill(s, "_text", s.get("_stext") - SEGMENT_ALIGN, "_text = _stext - SEGMENT_ALIGN (head.text < 64K)",
                    assumptions);
        }
        fill(s, "__bss_stop", s.get("_end"), "__bss_stop ~ _end (only the data/bss series reads it)", assumptions);
        KernelImage.Result r = KernelImage.of(s, voffset);
        r.problems().forEach(p -> problems.add(new Problem(0, p)));
        return r.image();
    }

    private static void fill(Map<String, Long> s, String name, Long value, String why, List<String> assumptions) {
        if (value != null && !s.containsKey(name)) {
            s.put(name, value);
            assumptions.add(why);
        }
    }

    private static long alignUp(long v, long a) {
        return (v + a - 1) & -a;
    }

    /**
     * Read-only leaves of the hardware walk in the modules/vmalloc space outside the kernel image whose output is
     * DRAM: pages a module or the BPF JIT made read-only at run time.
     */
    private static List<ReadOnlyVmallocPages> readOnlyVmalloc(Capture c, Boot boot) {
        KernelVaLayout l = boot.layout();
        KernelImage img = boot.image();
        List<ReadOnlyVmallocPages> out = new ArrayList<>();
        for (RawLeafRun run : c.rawLeafRuns()) {
            boolean inVmalloc = Long.compareUnsigned(run.vaStart(), l.modulesVaddr()) >= 0
                    && Long.compareUnsigned(run.vaEnd(), l.vmallocEnd()) <= 0;
            boolean inImage = Long.compareUnsigned(run.vaEnd(), img.text()) > 0
                    && Long.compareUnsigned(run.vaStart(), img.end()) < 0;
            if (inVmalloc && !inImage && run.valid() && run.readOnly() && boot.memory().contains(run.oaStart())) {
                out.add(new ReadOnlyVmallocPages(run.oaStart(), run.oaEnd() - run.oaStart(),
                        String.format("ro vmalloc page(s) at 0x%016x", run.vaStart())));
            }
        }
        return out;
    }
}
