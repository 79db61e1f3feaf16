package org.pagewright.config.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.GeometryResult;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.attr.DirectMapPolicy;
import org.pagewright.arm64.kernel.Cmdline;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.KernelConfig;
import org.pagewright.arm64.kernel.StaticTables;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.layout.RunTimeAreas;
import org.pagewright.arm64.op.Executor;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.arm64.table.TablePool;
import org.pagewright.config.Configuration;
import org.pagewright.config.CpuFeature;
import org.pagewright.config.DirectMapDecisions;
import org.pagewright.config.DramBank;
import org.pagewright.config.KernelImage;
import org.pagewright.config.Machine;
import org.pagewright.config.Symbol;

/**
 * The engine objects a configuration's machine stands for: geometry, version rules, CPU, the kernel's build and
 * command line, VA layout, the executor with the kernel's direct-map decisions, where table pages and
 * swapper_pg_dir live physically, and which frames hibernation treats as reserved or nosave.
 *
 * @param kernel the build (the machine's kconfig over the Debian build), command line and CPU
 */
public record EngineSetup(Geometry geometry, KernelRules rules, CpuFeatures cpu, KernelVaLayout layout,
        Executor executor, long physOffset, Optional<Long> kimageVoffset, Optional<Long> swapperPgDirPa,
        Optional<Long> imageEndPa, List<DramBank> banks, int tablePageBudget, KernelConfig kernel,
        ReservedPages reservedPages, StaticTables staticTables, Optional<Long> kfencePoolPa,
        RunTimeAreas runTimeAreas) {

    /** The setup, or the problems that prevent one (each naming the offending machine setting). */
    public record Result(Optional<EngineSetup> setup, List<String> problems) {
    }

    public static Result of(Configuration configuration) {
        List<String> problems = new ArrayList<>();
        Machine m = configuration.getMachine();
        if (m == null) {
            return new Result(Optional.empty(), List.of("the configuration has no machine"));
        }
        Optional<KernelVersion> version = KernelVersion.tryParse(m.getKernelVersion());
        if (version.isEmpty()) {
            problems.add("machine: kernel version '" + m.getKernelVersion() + "' is not major.minor[.patch]");
        }
        Granule granule = switch (m.getGranule()) {
            case G4K -> Granule.G4K;
            case G16K -> Granule.G16K;
            case G64K -> Granule.G64K;
        };
        GeometryResult geometry = Geometry.check(granule, m.getVaBits());
        if (geometry instanceof GeometryResult.Unsupported u) {
            problems.add("machine: " + u.reason());
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        Geometry g = ((GeometryResult.Supported) geometry).geometry();
        Optional<KernelBuild> build = KernelBuildOptions.of(version.get(), g, m.getKconfig(), problems);
        if (build.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        KernelRules rules = KernelRules.of(version.get());
        CpuFeatures cpu = CpuFeatures.of(m.getCpuFeatures().contains(CpuFeature.BBML2_NOABORT),
                m.getCpuFeatures().contains(CpuFeature.LPA2),
                m.getCpuFeatures().contains(CpuFeature.MTE), m.getCpuFeatures().contains(CpuFeature.KPTI),
                m.getCpuFeatures().contains(CpuFeature.BTI));
        KernelConfig kernel = new KernelConfig(build.get(), new Cmdline(List.copyOf(m.getCmdline())), cpu);
        KernelVaLayout layout = KernelVaLayout.of(g, version.get(), kernel.vabitsActual(), m.getFixmapPages());
        Geometry walked = layout.geometry(); // one level less and no LPA2 when the build falls back to 48 bits
        Executor executor = Executor.of(walked, rules, cpu).withDirectMap(directMap(m, kernel));
        KernelImage image = configuration.getImage();
        Optional<Long> voffset = image == null ? Optional.empty() : Optional.of(image.getVirtBase() - image.getPhysBase());
        Optional<Long> swapper = imagePa(image, voffset, "swapper_pg_dir");
        Optional<Long> imageEnd = imagePa(image, voffset, "_end");
        problems.addAll(MachineLimits.problems(walked, configuration.getMemory(), swapper));
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems);
        }
        Optional<Long> imageStart = image == null ? Optional.empty() : Optional.of(image.getPhysBase());
        StaticTables statics = new StaticTables(pa(swapper), pa(imagePa(image, voffset, "bm_pud")),
                pa(imagePa(image, voffset, "bm_pmd")), pa(imagePa(image, voffset, "bm_pte")));
        DirectMapDecisions d = m.getDirectMap();
        Optional<Long> kfencePool = d == null || d.getKfencePoolEnd() == d.getKfencePoolStart() ? Optional.empty()
                : Optional.of(layout.linearToPhys(d.getKfencePoolStart(), m.getPhysOffset()));
        return new Result(Optional.of(new EngineSetup(walked, rules, cpu, layout, executor, m.getPhysOffset(), voffset,
                swapper, imageEnd, List.copyOf(configuration.getMemory()), m.getTablePageBudget(), kernel,
                ReservedPages.of(configuration, imageStart, imageEnd), statics, kfencePool,
                runTimeAreasOf(layout, kernel, image))), List.of());
    }

    /**
     * The Modules and vmalloc areas less the image as ptdump shows it (from KernelConfig.imageMappedFrom to _end);
     * without those symbols the whole areas.
     */
    private static RunTimeAreas runTimeAreasOf(KernelVaLayout layout, KernelConfig kernel, KernelImage image) {
        Optional<Long> text = image == null ? Optional.empty() : symbol(image, "_text");
        Optional<Long> stext = image == null ? Optional.empty() : symbol(image, "_stext");
        Optional<Long> start = text.isPresent() && stext.isPresent()
                ? Optional.of(kernel.imageMappedFrom(text.get(), stext.get())) : text.or(() -> stext);
        Optional<Long> end = image == null ? Optional.empty() : symbol(image, "_end");
        return start.isPresent() && end.isPresent() ? RunTimeAreas.of(layout, start.get(), end.get())
                : RunTimeAreas.of(layout, 0, 0);
    }

    /**
     * An empty swapper_pg_dir: the root pinned at __pa_symbol(swapper_pg_dir) when the image gives it, the
     * fixmap's tables at bm_pud/bm_pmd/bm_pte when it gives those, other table pages handed out top-down from the
     * highest DRAM bank as memblock does (below the early KFENCE pool, which map_mem allocates first), so that "is
     * every table page readable through its linear alias" has the kernel's answer. Empty when not even the root
     * table fits the budget (MachineLimits has already refused the other causes: a misaligned swapper_pg_dir, an
     * empty bank).
     */
    public Optional<PageTables> newTables() {
        TablePool pool = banks.isEmpty() ? TablePool.withDefaults(geometry.granule())
                : TablePool.topDown(geometry.granule(), allocatableStart(), allocatableEnd(), workingBudget());
        PageTables tables = swapperPgDirPa.isPresent()
                ? PageTables.createWithRootAt(geometry, pool, new PhysicalAddress(swapperPgDirPa.get()))
                : PageTables.create(geometry, pool);
        if (tables != null) {
            staticTables.place(tables, layout, kernel);
        }
        return Optional.ofNullable(tables); // empty: the budget does not hold even the root table
    }

    /** The top of the highest bank, or the early KFENCE pool's start when the pool lies in it (mmu.c map_mem). */
    private long allocatableEnd() {
        DramBank bank = highestBank();
        long end = bank.getBase() + bank.getSize();
        if (kfencePoolPa.isPresent() && Long.compareUnsigned(kfencePoolPa.get(), allocatableStart()) > 0
                && Long.compareUnsigned(kfencePoolPa.get(), end) < 0) {
            return kfencePoolPa.get();
        }
        return end;
    }

    /** The machine's budget for the working tables, at most a quarter of the heap so that a snapshot fits too. */
    private int workingBudget() {
        return Math.max(1, Math.min(tablePageBudget, TablePool.heapBudgetPages(geometry.granule()) / 3));
    }

    /** __phys_to_virt. */
    public long linear(long pa) {
        return layout.physToVirt(pa, physOffset);
    }

    /** A kernel VA to its physical address: __pa for linear-map addresses, __pa_symbol for image addresses. */
    public Optional<Long> physical(long va) {
        if (Long.compareUnsigned(va, layout.pageOffset()) >= 0 && Long.compareUnsigned(va, layout.pageEnd()) < 0) {
            return Optional.of(layout.linearToPhys(va, physOffset));
        }
        return kimageVoffset.map(v -> va - v);
    }

    /**
     * Where memblock may place table pages in the highest bank: above the kernel image when it was loaded there
     * (arm64_memblock_init reserves [_stext, _end)), and never over the pinned swapper_pg_dir.
     */
    private long allocatableStart() {
        DramBank bank = highestBank();
        long start = bank.getBase();
        long end = bank.getBase() + bank.getSize();
        long page = geometry.pageSize();
        for (Optional<Long> reservedEnd : List.of(imageEndPa, swapperPgDirPa.map(pa -> pa + page))) {
            if (reservedEnd.isPresent() && Long.compareUnsigned(reservedEnd.get(), start) > 0
                    && Long.compareUnsigned(reservedEnd.get(), end) < 0) {
                start = (reservedEnd.get() + page - 1) & -page;
            }
        }
        return start;
    }

    private DramBank highestBank() {
        DramBank best = banks.get(0);
        for (DramBank b : banks) {
            if (Long.compareUnsigned(b.getBase(), best.getBase()) > 0) {
                best = b;
            }
        }
        return best;
    }

    /**
     * The compiler's decisions; where it made none and the machine names its kconfig, the ones KernelConfig derives
     * from the build, command line and CPU (mmu.c force_pte_mapping, pageattr.c can_set_direct_map, rodata_full).
     */
    private static DirectMapPolicy directMap(Machine m, KernelConfig kernel) {
        DirectMapPolicy policy = DirectMapPolicy.defaults().withPhysOffset(m.getPhysOffset());
        if (!m.getKconfig().isEmpty()) {
            policy = policy.withForcePteMapping(kernel.forcePteMapping())
                    .withCanSetDirectMap(kernel.canSetDirectMap()).withRodataFull(kernel.rodataFull());
        }
        DirectMapDecisions d = m.getDirectMap();
        if (d == null) {
            return policy;
        }
        if (d.isSetForcePteMapping()) {
            policy = policy.withForcePteMapping(d.isForcePteMapping());
        }
        if (d.isSetCanSetDirectMap()) {
            policy = policy.withCanSetDirectMap(d.isCanSetDirectMap());
        }
        if (d.isSetRodataFull()) {
            policy = policy.withRodataFull(d.isRodataFull());
        }
        return policy.withKfencePool(d.getKfencePoolStart(), d.getKfencePoolEnd());
    }

    /** __pa_symbol of an image symbol. */
    private static Optional<Long> imagePa(KernelImage image, Optional<Long> voffset, String name) {
        return voffset.flatMap(v -> symbol(image, name).map(va -> va - v));
    }

    private static OptionalLong pa(Optional<Long> value) {
        return value.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static Optional<Long> symbol(KernelImage image, String name) {
        for (Symbol s : image.getSymbols()) {
            if (name.equals(s.getName())) {
                return Optional.of(s.getAddress());
            }
        }
        return Optional.empty();
    }
}
