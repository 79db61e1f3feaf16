package org.pagewright.arm64.capture;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.GeometryResult;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.kernel.Bbml2AllowList;
import org.pagewright.arm64.kernel.BlockSplitCapability;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.BootPlatform;
import org.pagewright.arm64.kernel.Cmdline;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.KernelConfig;
import org.pagewright.arm64.kernel.KernelImage;
import org.pagewright.arm64.kernel.Kpti;
import org.pagewright.arm64.kernel.MapEntryTrampoline;
import org.pagewright.arm64.kernel.PhysicalMemory;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;
import org.pagewright.arm64.kernel.StaticTables;
import org.pagewright.arm64.layout.KernelVaLayout;

/**
 * Turns a parsed capture into the recipes' inputs: a {@link Boot} (version, geometry, cmdline, CPU features from
 * the ID registers and MIDR, image symbols, memblock banks, PHYS_OFFSET, VA layout) plus the run-time read-only
 * vmalloc pages observed in the hardware walk. Only inputs are read — never the linear map or image lines the
 * recipes are judged against. Every guess made for a missing input is listed in {@code assumptions}.
 */
public record CaptureInputs(Boot boot, List<ReadOnlyVmallocPages> readOnlyVmallocPages, List<String> assumptions,
        BootPlatform platform, StaticTables staticTables) {

    /** Without firmware/device inputs (no FDT, no PCI I/O window) and with every table from the allocator. */
    public CaptureInputs(Boot boot, List<ReadOnlyVmallocPages> readOnlyVmallocPages, List<String> assumptions) {
        this(boot, readOnlyVmallocPages, assumptions, BootPlatform.none(), StaticTables.none());
    }

    private static final long SEGMENT_ALIGN = 64 * 1024; // memory.h SEGMENT_ALIGN

    /** Builds the inputs; the value is empty when something essential is missing (see problems). */
    public static Parsed<Optional<CaptureInputs>> from(Capture c, KernelBuild.Builder buildDefaults) {
        return from(c, buildDefaults, Optional.empty());
    }

    /**
     * As {@link #from(Capture, KernelBuild.Builder)}, with the CPUs stated by the caller instead of the capture's
     * boot MIDR (the capture shows only the boot CPU).
     */
    public static Parsed<Optional<CaptureInputs>> from(Capture c, KernelBuild.Builder buildDefaults,
            Optional<Cpus> stated) {
        List<Problem> problems = new ArrayList<>();
        List<String> assumptions = new ArrayList<>();
        PtdumpModInfo mod = c.modInfo();
        OptionalLong pageOffset = mod.value("PAGE_OFFSET");
        OptionalLong voffset = mod.value("kimage_voffset");
        OptionalLong physOffset = mod.value("PHYS_OFFSET");
        if (physOffset.isEmpty() && mod.value("memstart_addr").isPresent()) {
            physOffset = mod.value("memstart_addr"); // memory.h PHYS_OFFSET = memstart_addr
            assumptions.add("PHYS_OFFSET taken from memstart_addr");
        }
        Optional<KernelVersion> parsedVersion = c.release().flatMap(r -> KernelVersion.tryParse(r.version()));
        if (parsedVersion.isEmpty() || pageOffset.isEmpty() || voffset.isEmpty() || physOffset.isEmpty()) {
            problems.add(new Problem(0, "need uname (with a kernel version), PAGE_OFFSET, kimage_voffset and"
                    + " PHYS_OFFSET (ptdump_mod_insmod)"));
            return Parsed.of(Optional.empty(), problems);
        }
        if (Long.bitCount(-pageOffset.getAsLong()) != 1) {
            problems.add(new Problem(0, String.format("PAGE_OFFSET=0x%x is not -(1 << VA_BITS)",
                    pageOffset.getAsLong())));
            return Parsed.of(Optional.empty(), problems);
        }
        KernelVersion version = parsedVersion.get();
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
        if (id.isEmpty()) {
            assumptions.add("no ID_AA64MMFR0..2: CPU taken as without LPA2 and E0PD");
        }
        boolean e0pd = id.map(IdRegisters::e0pd).orElse(false);
        // CpuFeatures.va52: cpu_has_lva() for 64K, cpu_has_lpa2() for 4K/16K (pi/map_kernel.c early_map_kernel)
        boolean lpa2 = id.map(r -> switch (granule) {
            case G4K -> r.lpa2With4k();
            case G16K -> r.lpa2With16k();
            case G64K -> r.lva();
        }).orElse(false);
        Optional<Cpus> cpus = stated.isPresent() ? stated : c.midr().isPresent()
                ? Optional.of(Cpus.of(c.midr().getAsLong())) : Optional.empty();
        if (cpus.isEmpty()) {
            assumptions.add("no boot MIDR: CPU taken as not BBML2-noabort and not on kpti_safe_list");
        } else if (stated.isPresent()) {
            assumptions.add("CPUs as stated: " + cpus.get());
        }
        BlockSplitCapability bbm = blockSplit(c, version, cpus, mod.value("ID_AA64MMFR2"), stated.isPresent(), assumptions);
        boolean bbml2 = bbm.everyCpu();
        // vabits_actual as the kernel reported it, else TCR_EL1.T1SZ; checked against the rule (LPA2 + arm64.nolva)
        KernelConfig byRule = new KernelConfig(build, cmdline, CpuFeatures.of(bbml2, lpa2, false, false, false));
        OptionalLong observed = mod.value("vabits_actual");
        if (observed.isEmpty() && mod.value("TCR_EL1").isPresent()) {
            observed = OptionalLong.of(64 - ((mod.value("TCR_EL1").getAsLong() >>> 16) & 0x3f)); // TCR_EL1.T1SZ
        }
        int vabitsActual = byRule.vabitsActual();
        if (observed.isPresent() && observed.getAsLong() != vabitsActual) {
            int seen = (int) observed.getAsLong();
            if (vaBits == 52 && (seen == vaBits || seen == vaBitsMin(geometry))) {
                String rule = id.isPresent() ? "the ID registers and cmdline give "
                        : "without ID registers the rule gives ";
                assumptions.add("vabits_actual=" + seen + " but " + rule + vabitsActual
                        + ": the observed value is followed (" + (geometry.lpa2() ? "LPA2 " : "LVA ") + (seen == vaBits ? "used" : "not used") + ")");
                lpa2 = seen == vaBits;
                vabitsActual = seen;
            } else {
                problems.add(new Problem(0, "vabits_actual=" + seen + " does not fit a " + vaBits + "-bit build"));
            }
        }

        Optional<KernelImage> image = image(c, voffset.getAsLong(), assumptions, problems);
        if (image.isEmpty()) {
            return Parsed.of(Optional.empty(), problems);
        }
        KernelVaLayout layout = KernelVaLayout.of(geometry, version, vabitsActual, fixmapPages(mod, geometry));

        // KASLR: from where the image actually sits (kallsyms _text vs KIMAGE_VADDR), not from the cmdline
        long kaslrOffset = image.get().text() - layout.kimageVaddr();
        boolean displaced = KernelConfig.imageDisplacedByKaslr(version, kaslrOffset);
        if (displaced && !build.randomizeBase()) {
            problems.add(new Problem(0, String.format("_text is 0x%x above KIMAGE_VADDR in a build without"
                    + " CONFIG_RANDOMIZE_BASE", kaslrOffset)));
        }
        OptionalLong bootMidr = cpus.map(x -> OptionalLong.of(x.bootMidr())).orElse(OptionalLong.empty());
        Kpti.Decision kpti = Kpti.decide(cmdline, displaced, e0pd, bootMidr, csv3(mod),
                c.detected("Kernel page table isolation (KPTI)"), assumptions);
        CpuFeatures cpu = bbm.applyTo(CpuFeatures.of(false, lpa2, false, kpti.ngMappings(), false));
        KernelConfig config = new KernelConfig(build, cmdline, cpu);

        List<PhysicalMemory.Bank> banks = c.memblockMemory().stream().filter(r -> !r.label().contains("NOMAP"))
                .map(r -> new PhysicalMemory.Bank(r.start(), r.end())).toList();
        if (banks.isEmpty()) {
            banks = c.iomem().systemRam().stream().map(r -> new PhysicalMemory.Bank(r.start(), r.end())).toList();
            assumptions.add("no memblock_memory: banks taken from iomem System RAM");
        }
        if (banks.isEmpty()) {
            problems.add(new Problem(0, "no DRAM banks: neither memblock_memory nor iomem System RAM"));
            return Parsed.of(Optional.empty(), problems);
        }
        PhysicalMemory memory = new PhysicalMemory(banks, physOffset.getAsLong());
        Boot boot = new Boot(config, image.get(), memory, layout, kfencePool(config, image.get(), banks,
                assumptions));
        return Parsed.of(Optional.of(new CaptureInputs(boot, readOnlyVmalloc(c, boot), assumptions,
                platform(c, boot, assumptions), staticTables(c, image.get(), assumptions))), problems);
    }

    /** swapper_pg_dir and bm_pud/bm_pmd/bm_pte from kallsyms, as physical addresses (__pa_symbol). */
    private static StaticTables staticTables(Capture c, KernelImage image, List<String> assumptions) {
        OptionalLong[] pa = new OptionalLong[4];
        String[] names = {"swapper_pg_dir", "bm_pud", "bm_pmd", "bm_pte"};
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            OptionalLong va = c.kallsyms().address(names[i]);
            pa[i] = va.isPresent() ? OptionalLong.of(image.pa(va.getAsLong())) : OptionalLong.empty();
            if (va.isEmpty()) {
                missing.add(names[i]);
            }
        }
        if (!missing.isEmpty()) {
            assumptions.add("kallsyms lacks " + String.join(", ", missing) + ": those tables taken from memblock");
        }
        return new StaticTables(pa[0], pa[1], pa[2], pa[3]);
    }

    /**
     * The firmware's and devices' inputs: the PCI I/O windows of the kernel log; the FDT where the hardware walk
     * finds FIX_FDT mapped (the bootloader's choice: no other section records the blob's address and size); the
     * trampoline text's size from kallsyms, else from the pages the walk finds at FIX_ENTRY_TRAMP_TEXT1.
     */
    private static BootPlatform platform(Capture c, Boot boot, List<String> assumptions) {
        long page = boot.pageSize();
        long fixFdt = boot.layout().fixaddrTop() - boot.config().fixFdtSlot() * page;
        OptionalLong fdtPhys = OptionalLong.empty();
        long fdtSize = 0;
        for (RawLeafRun run : c.rawLeafRuns()) {
            if (run.vaStart() == fixFdt && run.valid()) {
                fdtPhys = OptionalLong.of(run.oaStart());
                fdtSize = run.oaEnd() - run.oaStart();
                assumptions.add(String.format("FDT at PA 0x%x, %d KiB mapped: where the hardware walk finds"
                        + " FIX_FDT", run.oaStart(), fdtSize >> 10));
            }
        }
        if (fdtPhys.isEmpty()) {
            assumptions.add("FIX_FDT not mapped in the hardware walk: no FDT mapping simulated");
        }
        OptionalInt tramp = OptionalInt.empty();
        OptionalLong ts = c.kallsyms().address("__entry_tramp_text_start");
        OptionalLong te = c.kallsyms().address("__entry_tramp_text_end");
        if (ts.isPresent() && te.isPresent()) {
            tramp = MapEntryTrampoline.textPages(ts.getAsLong(), te.getAsLong(), page);
        } else if (boot.config().mapsEntryTrampolineInFixmap()) {
            long text1 = MapEntryTrampoline.textOneVa(boot);
            for (RawLeafRun run : c.rawLeafRuns()) {
                if (run.vaStart() == text1 && run.valid()) {
                    tramp = OptionalInt.of((int) run.count());
                    assumptions.add("trampoline text of " + run.count() + " page(s): kallsyms lacks"
                            + " __entry_tramp_text_*, taken from the hardware walk at FIX_ENTRY_TRAMP_TEXT1");
                }
            }
        }
        if (c.pciIoWindows().isEmpty() && c.cpuCapabilities().isEmpty()) {
            assumptions.add("no kernel log: no PCI host's I/O window known, PCI I/O left unmapped");
        }
        List<BootPlatform.IoWindow> io = c.pciIoWindows().stream()
                .map(w -> new BootPlatform.IoWindow(w.cpuStart(), w.size())).toList();
        return new BootPlatform(fdtPhys, fdtSize, io, tramp);
    }

    /**
     * cpufeature.c has_bbml2_noabort / has_bbml3 (ARM64_CPUCAP_EARLY_LOCAL_CPU_FEATURE): each CPU by its MIDR
     * (and in 7.3 its ID_AA64MMFR2.BBM); the boot CPU's answer prints "CPU features: detected: …", which wins over
     * the list when the capture holds the kernel log. Secondaries not stated are taken as the boot CPU's model.
     */
    private static BlockSplitCapability blockSplit(Capture c, KernelVersion version, Optional<Cpus> cpus, OptionalLong mmfr2,
            boolean stated, List<String> assumptions) {
        KernelRules rules = KernelRules.of(version);
        if (!rules.hasBlockSplitCapability() || cpus.isEmpty()) {
            return new BlockSplitCapability(false, false);
        }
        String name = rules.blockSplitCapabilityName();
        boolean boot = Bbml2AllowList.supports(rules, cpus.get().bootMidr(), mmfr2);
        String description = rules.blockSplitCapabilityDescription();
        Optional<Boolean> logged = c.detected(description);
        if (logged.isPresent() && logged.get() != boot) {
            assumptions.add("the kernel log " + (logged.get() ? "says" : "does not say") + " 'CPU features: detected: "
                    + description + "' although the boot CPU's MIDR is " + (boot ? "" : "not ") + "on " + version
                    + "'s " + name + " list: the log is followed");
            boot = logged.get();
        } else if (logged.isPresent()) {
            assumptions.add(name + " of the boot CPU " + (boot ? "" : "not ") + "detected, as the kernel log says");
        }
        BlockSplitCapability answer = BlockSplitCapability.of(boot, cpus.get().secondaryMidrs().stream()
                .map(midr -> Bbml2AllowList.supports(rules, midr, stated ? OptionalLong.empty() : mmfr2)).toList());
        if (answer.bootCpuOnly()) {
            assumptions.add(name + " on the boot CPU only: map_mem uses blocks, linear_map_maybe_split_to_ptes"
                    + " page-maps the linear map but the kernel text/rodata alias");
        } else if (boot && cpus.get().secondaryMidrs().isEmpty() && !stated) {
            assumptions.add("secondary CPUs taken as the boot CPU's model (" + name + " on every CPU)");
        }
        return answer;
    }

    /** memory.h VA_BITS_MIN of a 52-bit build: 47 with 16K pages, else 48. */
    private static int vaBitsMin(Geometry g) {
        return g.granule() == Granule.G16K ? 47 : 48;
    }

    /** ID_AA64PFR0_EL1.CSV3 [63:60], when the capture printed the register. */
    private static Optional<Boolean> csv3(PtdumpModInfo mod) {
        OptionalLong pfr0 = mod.value("ID_AA64PFR0");
        if (pfr0.isEmpty()) {
            pfr0 = mod.value("ID_AA64PFR0_EL1");
        }
        return pfr0.isPresent() ? Optional.of(((pfr0.getAsLong() >>> 60) & 0xf) != 0) : Optional.empty();
    }

    /**
     * mmu.c arm64_kfence_alloc_pool = memblock_phys_alloc(KFENCE_POOL_SIZE, PAGE_SIZE), the first allocation of
     * map_mem (paging_init). memblock allocates top-down from the end of the highest bank (no current_limit is set
     * on arm64); what is reserved by then is the kernel image, the initrd and the DTB (arm64_memblock_init,
     * early_init_fdt_scan_reserved_mem), which QEMU places low in DRAM. The capture does not record the pool's
     * address (kfence prints it hashed), so the first free range from the top that avoids the image is used, and
     * the guess is listed in the assumptions.
     */
    private static OptionalLong kfencePool(KernelConfig config, KernelImage image, List<PhysicalMemory.Bank> banks,
            List<String> assumptions) {
        if (!config.kfenceEarlyPool() || banks.isEmpty()) {
            return OptionalLong.empty();
        }
        long size = config.kfencePoolSize();
        long page = config.runtimeGeometry().pageSize();
        long imageStart = image.pa(image.text());
        long imageEnd = image.pa(image.end());
        for (int i = banks.size() - 1; i >= 0; i--) {
            PhysicalMemory.Bank b = banks.get(i);
            long top = b.end() & -page;
            while (Long.compareUnsigned(top - size, b.start()) >= 0 && Long.compareUnsigned(top, b.start()) > 0) {
                long pool = top - size;
                if (Long.compareUnsigned(pool, imageEnd) >= 0 || Long.compareUnsigned(top, imageStart) <= 0) {
                    assumptions.add(String.format("early KFENCE pool assumed where memblock's top-down allocator"
                            + " finds room first (top of DRAM, below nothing reserved but the image): 0x%x", pool));
                    return OptionalLong.of(pool);
                }
                top = imageStart & -page;
            }
        }
        assumptions.add("no room found for the early KFENCE pool");
        return OptionalLong.empty();
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
     * DRAM pages a module or the BPF JIT made read-only at run time: read-only leaves of the hardware walk in the
     * modules/vmalloc space outside the kernel image, and the pages those areas map whose linear alias the walk
     * shows read-only although the area now maps them read-write (set_memory_ro, then set_memory_rw or a vfree that
     * left the alias as it was: pageattr.c changes the alias only under rodata=full, and only when asked).
     */
    private static List<ReadOnlyVmallocPages> readOnlyVmalloc(Capture c, Boot boot) {
        KernelVaLayout l = boot.layout();
        RuntimeObservations runTime = RuntimeObservations.of(boot);
        List<ReadOnlyVmallocPages> out = new ArrayList<>();
        TreeMap<Long, Long> readWrite = new TreeMap<>(); // pa -> end (PAs are below 2^52: signed order is theirs)
        for (RawLeafRun run : c.rawLeafRuns()) {
            if (runTime.observed(run.vaStart()) && run.valid() && boot.memory().contains(run.oaStart())) {
                if (run.readOnly()) {
                    out.add(new ReadOnlyVmallocPages(run.oaStart(), run.oaEnd() - run.oaStart(),
                            String.format("ro vmalloc page(s) at 0x%016x", run.vaStart())));
                } else {
                    readWrite.put(run.oaStart(), run.oaEnd());
                }
            }
        }
        long page = l.geometry().pageSize();
        for (RawLeafRun run : c.rawLeafRuns()) {
            boolean linear = Long.compareUnsigned(run.vaStart(), l.pageOffset()) >= 0
                    && Long.compareUnsigned(run.vaEnd(), l.pageEnd()) <= 0;
            if (!linear || !run.valid() || !run.readOnly()) {
                continue;
            }
            // the read-write vmalloc pages that this read-only linear run aliases
            Long first = readWrite.floorKey(run.oaStart());
            for (var rw : readWrite.subMap(first != null ? first : run.oaStart(), true, run.oaEnd(), false)
                    .entrySet()) {
                long from = Math.max(rw.getKey(), run.oaStart());
                long to = Math.min(rw.getValue(), run.oaEnd());
                if (from < to && (to - from) % page == 0) {
                    out.add(new ReadOnlyVmallocPages(from, to - from, String.format(
                            "rw vmalloc page(s) whose linear alias 0x%016x is read-only",
                            run.vaStart() + (from - run.oaStart()))));
                }
            }
        }
        return out;
    }
}
