package org.pagewright.arm64.kernel;

import org.pagewright.arm64.layout.KernelVaLayout;
import java.util.Objects;
import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.desc.Prot;

/**
 * One booted kernel: build, command line and CPU — and every recipe-level decision derived from them, each in one
 * method naming its kernel source. Engine rules (pageattr, mapper, present-invalid encoding…) are in
 * {@link KernelRules}; nothing else in this package compares versions.
 */
public record KernelConfig(KernelBuild build, Cmdline cmdline, CpuFeatures cpu) {

    /** setup.h: rodata=on became "full" and rodata=noalias "not full" (Huang Shijie's rename; release assumed). */
    private static final KernelVersion RODATA_ON_IS_FULL = new KernelVersion(6, 15, 0);
    /** mmu.c arm64_kfence_alloc_pool (Zhenhua Huang, 2023; release assumed 6.4): the early, page-mapped KFENCE
     *  pool; before it can_set_direct_map() was true whenever CONFIG_KFENCE. */
    private static final KernelVersion KFENCE_EARLY_POOL = new KernelVersion(6, 4, 0);
    /** mmu.c/pi map_kernel.c, 5973a62efa34 "map [_text, _stext) … read-only": 6.18, backported to 6.12.y. */
    private static final KernelVersion TEXT_HEAD_MAPPED = KernelVersion.V6_12;
    /** mmu.c force_pte_mapping (BBML2 series): BBML2-noabort CPUs keep blocks under rodata=full. */
    private static final KernelVersion BBML2_LINEAR_MAP = KernelVersion.V6_18;
    /** mmu.c map_mem / mark_rodata_ro ("Unmap linear alias of kernel data/bss", as 7.3 shipped it). */
    private static final KernelVersion DATA_BSS_SERIES = KernelVersion.V7_3;
    /** pi/map_kernel.c: the early kernel mapping moved to C with the LPA2 work (6.9). */
    private static final KernelVersion PI_MAP_KERNEL = new KernelVersion(6, 9, 0);
    /** Debian's arm64 config: CONFIG_KFENCE=y from 6.12 (the k612 and k73 captures' kallsyms have __kfence_pool,
     *  k61's none). */
    private static final KernelVersion DEBIAN_KFENCE = KernelVersion.V6_12;

    public KernelConfig {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(cmdline, "cmdline");
        Objects.requireNonNull(cpu, "cpu");
    }

    public KernelVersion version() {
        return build.version();
    }

    public KernelRules rules() {
        return KernelRules.of(version());
    }

    // ---- rodata= ----

    /**
     * setup.h arch_parse_debug_rodata: before the rename "full" → full, "on" → enabled only, "off" → neither;
     * after it "on" → full, "noalias" → enabled only, "off" → neither. Unknown words leave the default, which is
     * CONFIG_RODATA_FULL_DEFAULT_ENABLED before the rename and full after it.
     */
    public RodataMode rodata() {
        boolean renamed = rodataOnMeansFull(version());
        RodataMode mode = !renamed && !build.rodataFullDefault() ? RodataMode.NOT_FULL : RodataMode.FULL;
        String word = cmdline.value("rodata").orElse("");
        if (word.equals("off")) {
            return RodataMode.OFF;
        }
        if (renamed) {
            return switch (word) {
                case "on" -> RodataMode.FULL;
                case "noalias" -> RodataMode.NOT_FULL;
                default -> mode;
            };
        }
        return switch (word) {
            case "full" -> RodataMode.FULL;
            case "on" -> RodataMode.NOT_FULL;
            default -> mode;
        };
    }

    /** setup.h: whether this kernel reads rodata= with the renamed words (on = full, noalias = not full, no full). */
    public static boolean rodataOnMeansFull(KernelVersion version) {
        return version.atLeast(RODATA_ON_IS_FULL);
    }

    public boolean rodataFull() {
        return rodata().full();
    }

    // ---- KFENCE ----

    /** Whether a Debian build of this version has CONFIG_KFENCE (see {@link KernelBuild#debian}). */
    public static boolean debianBuildsKfence(KernelVersion version) {
        return version.atLeast(DEBIAN_KFENCE);
    }

    /** mm/kfence/core.c: kfence.sample_interval= overrides CONFIG_KFENCE_SAMPLE_INTERVAL; 0 disables KFENCE. */
    public long kfenceSampleInterval() {
        if (!build.kfence()) {
            return 0;
        }
        return cmdline.value("kfence.sample_interval").map(KernelConfig::parseUnsigned)
                .orElse(build.kfenceSampleInterval());
    }

    private static long parseUnsigned(String text) {
        try {
            return Long.parseUnsignedLong(text.trim());
        } catch (NumberFormatException e) {
            return 0; // kstrtoul failure: the parameter handler rejects the value
        }
    }

    /** mmu.c parse_kfence_early_init: kfence_early_init = sample interval != 0 (with an early pool). */
    public boolean kfenceEarlyPool() {
        return build.kfence() && version().atLeast(KFENCE_EARLY_POOL) && kfenceSampleInterval() != 0;
    }

    /** asm/kfence.h arm64_kfence_can_set_direct_map: !kfence_early_init; 6.1: IS_ENABLED(CONFIG_KFENCE). */
    public boolean kfenceCanSetDirectMap() {
        if (!build.kfence()) {
            return false;
        }
        return !version().atLeast(KFENCE_EARLY_POOL) || !kfenceEarlyPool();
    }

    /** mm/kfence/core.c: KFENCE_POOL_SIZE = (CONFIG_KFENCE_NUM_OBJECTS + 1) * 2 * PAGE_SIZE. */
    public long kfencePoolSize() {
        return (build.kfenceNumObjects() + 1L) * 2 * build.geometry().pageSize();
    }

    // ---- VA size at run time ----

    /**
     * pi/map_kernel.c early_map_kernel (6.9+): an LPA2 build (4K/16K, VA_BITS 52) runs with va_bits = VA_BITS_MIN
     * and one level less (root_level++) when !cpu_has_lpa2(); idreg-override.c makes {@code arm64.nolva} clear the
     * LPA2 TGRAN field too (mmfr2_varange_filter).
     */
    public boolean runsWithLpa2() {
        return build.geometry().lpa2() && cpu.va52() && !cmdline.has("arm64.nolva");
    }

    /** memory.h vabits_actual: VA_BITS, or VA_BITS_MIN (48; 47 with 16K) when a 52-bit build cannot use 52 bits. */
    public int vabitsActual() {
        return vabitsActual(build.geometry(), cpu.va52(), cmdline.has("arm64.nolva"));
    }

    /**
     * {@link #vabitsActual()} from the build's geometry, whether the CPU translates its 52-bit VAs (FEAT_LVA with
     * 64K, FEAT_LPA2 with 4K/16K: {@link CpuFeatures#va52()}) and {@code arm64.nolva}, which clears both
     * (idreg-override.c). pi/map_kernel.c early_map_kernel: 64K && !cpu_has_lva() or LPA2 && !cpu_has_lpa2()
     * → va_bits = VA_BITS_MIN.
     */
    public static int vabitsActual(Geometry build, boolean cpuTranslates52BitVas, boolean nolva) {
        if (build.vaBits() != 52 || cpuTranslates52BitVas && !nolva) {
            return build.vaBits();
        }
        return KernelVaLayout.vaBitsMin(build);
    }

    /**
     * mm/init.c arm64_memblock_init: memstart_addr = round_down(start of DRAM, ARM64_MEMSTART_ALIGN), lowered by
     * _PAGE_OFFSET(vabits_actual) - _PAGE_OFFSET(VA_BITS) when a 52-bit build runs with fewer VA bits, so that
     * __va() lands at _PAGE_OFFSET(vabits_actual). ARM64_MEMSTART_ALIGN (memory.h) is 1G for 4K (PUD_SHIFT) and
     * 16K (CONT_PMD_SHIFT), 512M for 64K (PMD_SHIFT).
     */
    public static long memstartAddr(Geometry build, int vabitsActual, long dramStart) {
        long align = build.granule() == org.pagewright.arm64.Granule.G64K ? 1L << 29 : 1L << 30;
        long memstart = dramStart & -align;
        if (vabitsActual != build.vaBits()) {
            memstart -= -(1L << vabitsActual) - -(1L << build.vaBits());
        }
        return memstart;
    }

    /** The regime the MMU walks at {@link #vabitsActual()} (see {@link KernelVaLayout#runtimeGeometry}). */
    public Geometry runtimeGeometry() {
        return KernelVaLayout.runtimeGeometry(build.geometry(), vabitsActual());
    }

    // ---- debug_pagealloc ----

    /** mm/page_alloc.c early_debug_pagealloc: debug_pagealloc=on|off over CONFIG_DEBUG_PAGEALLOC_ENABLE_DEFAULT. */
    public boolean debugPagealloc() {
        if (!build.debugPagealloc()) {
            return false;
        }
        return cmdline.value("debug_pagealloc").map(v -> v.equals("on") || v.equals("1") || v.equals("y"))
                .orElse(build.debugPageallocDefault());
    }

    // ---- linear map granularity ----

    /** cpufeature.c has_bbml2_noabort (BBML3 in 7.3), the system's answer: only kernels with the BBML2 series
     *  use it. */
    public boolean bbml2() {
        return cpu.bbml2Noabort() && version().atLeast(BBML2_LINEAR_MAP);
    }

    /** mmu.c force_pte_mapping before system_capabilities_finalized(): cpu_supports_bbml2_noabort() of the boot
     *  CPU, the answer map_mem acts on. */
    public boolean bootCpuBbml2() {
        return cpu.bootCpuBbml2Noabort() && version().atLeast(BBML2_LINEAR_MAP);
    }

    /** mmu.c linear_map_maybe_split_to_ptes (setup_system_features): the boot CPU let map_mem use blocks but a
     *  secondary lacks the capability, so the linear map is split to PTEs except the kernel's text/rodata alias
     *  [lm_alias(_stext), lm_alias(__init_begin)). */
    public boolean linearMapSplitToPtes() {
        return linearMapRequiresBbml2() && !bbml2();
    }

    /** pageattr.c can_set_direct_map: rodata_full || debug_pagealloc || arm64_kfence_can_set_direct_map(). */
    public boolean canSetDirectMap() {
        return (rodata().enabled() && rodataFull()) || debugPagealloc() || kfenceCanSetDirectMap();
    }

    /**
     * mmu.c map_mem: before the BBML2 series the linear map is page-mapped whenever can_set_direct_map();
     * from it, force_pte_mapping() = debug_pagealloc || (!bbml2 && (rodata_full || kfence-late || realm)).
     */
    public boolean forcePteMapping() {
        if (!version().atLeast(BBML2_LINEAR_MAP)) {
            return canSetDirectMap();
        }
        if (debugPagealloc()) {
            return true;
        }
        return !bootCpuBbml2() && (rodataFull() || kfenceCanSetDirectMap());
    }

    /** mmu.c map_mem (6.18+): linear_map_requires_bbml2 = !force_pte_mapping() && can_set_direct_map(). */
    public boolean linearMapRequiresBbml2() {
        return version().atLeast(BBML2_LINEAR_MAP) && !forcePteMapping() && canSetDirectMap();
    }

    // ---- text and image ----

    /** map_kernel: text_prot = PAGE_KERNEL_ROX, PAGE_KERNEL_EXEC with rodata=off; PTE_GP with BTI. */
    public Prot textProt() {
        Prot text = rodata().enabled() ? Prot.PAGE_KERNEL_ROX : Prot.PAGE_KERNEL_EXEC;
        return build.btiKernel() && cpu.bti() ? text.withGp() : text;
    }

    /** pi/map_kernel.c map_kernel (6.9+) maps the image early with map_range; before, mmu.c map_kernel did. */
    public boolean mapsKernelInPi() {
        return version().atLeast(PI_MAP_KERNEL);
    }

    /** 5973a62efa34: [_text, _stext) is mapped (as data, then RO) and the linear text alias starts at _text;
     *  before (6.1) both start at _stext. */
    public boolean textHeadMapped() {
        return version().atLeast(TEXT_HEAD_MAPPED);
    }

    /** The image's first VA that the kernel maps and ptdump shows: _text, or _stext before 6.2. */
    public long imageMappedFrom(long text, long stext) {
        return textHeadMapped() ? text : stext;
    }

    /** The series (mmu.c map_mem): text alias and data/bss alias mapped before the banks, no NOMAP trick. */
    public boolean mapsKernelAliasBeforeBanks() {
        return version().atLeast(DATA_BSS_SERIES);
    }

    /** The series (mmu.c mark_rodata_ro): the data/bss linear alias is made present-invalid, and revalidated
     *  around hibernation by a PM notifier. */
    public boolean unmapsDataBssAlias() {
        return version().atLeast(DATA_BSS_SERIES);
    }

    /** pageattr.c change_memory_common: with rodata_full an RDONLY change is mirrored onto the linear alias. */
    public boolean mirrorsReadOnlyToLinearAlias() {
        return rodataFull();
    }

    // ---- fixmap, vmemmap ----

    /** fixmap.h/mmu.c fixmap rework (Mark Rutland, "arm64: fixmap: …" series; release assumed 6.5): one bm_pte per
     *  fixmap PMD and the FDT mapped at page granularity; 6.1 had one bm_pte and SWAPPER_BLOCK_SIZE. */
    private static final KernelVersion FIXMAP_REWORK = new KernelVersion(6, 5, 0);
    static final long MAX_FDT_SIZE = 2L << 20; // fixmap.h SZ_2M

    /** mmu.c early_fixmap_init: bm_pte for every PMD of [FIXADDR_TOT_START, FIXADDR_TOP) (after the rework), or
     *  only for the PMD holding FIXADDR_START (6.1). */
    public boolean fixmapPteTablesCoverWholeFixmap() {
        return version().atLeast(FIXMAP_REWORK);
    }

    /** mmu.c fixmap_remap_fdt: PAGE_SIZE after the rework; SWAPPER_BLOCK_SIZE before (PMD_SIZE with 4K pages,
     *  PAGE_SIZE with 16K/64K: ARM64_KERNEL_USES_PMD_MAPS). */
    public long fdtMappingGranule() {
        Geometry g = runtimeGeometry();
        return !version().atLeast(FIXMAP_REWORK) && g.pageShift() == 12 ? g.levelSize(2) : g.pageSize();
    }

    /** fixmap.h enum fixed_addresses FIX_FDT: FIX_FDT_END (1) + DIV_ROUND_UP(MAX_FDT_SIZE, PAGE_SIZE) + 1 after
     *  the rework; FIX_FDT_END + (MAX_FDT_SIZE + SZ_2M) / PAGE_SIZE - 1 in 6.1. */
    public long fixFdtSlot() {
        long page = runtimeGeometry().pageSize();
        return version().atLeast(FIXMAP_REWORK) ? 1 + (MAX_FDT_SIZE + page - 1) / page + 1
                : 1 + (MAX_FDT_SIZE + (2L << 20)) / page - 1;
    }

    /**
     * mmu.c map_entry_trampoline: 6.1 maps the KPTI trampoline into the fixmap whether or not KPTI is used (the k61
     * capture shows it); later kernels return early unless arm64_kernel_unmapped_at_el0() (the k612 and k73
     * captures, without KPTI, show none). [first version with the early return unverified] KPTI is taken as
     * {@link #useNgMappings()}: the two differ only for kpti=0 with KASLR (nG mappings, no KPTI).
     */
    public boolean mapsEntryTrampolineInFixmap() {
        return !version().atLeast(6, 2) || useNgMappings();
    }

    /** fixmap.h FIX_VNCR_END..FIX_VNCR, one slot per CPU (CONFIG_KVM); the k73 capture's fixmap size shows them. */
    private static final KernelVersion FIXMAP_VNCR = new KernelVersion(6, 16, 0); // [first version unverified]
    /** Debian's CONFIG_NR_CPUS on arm64. */
    private static final int DEBIAN_NR_CPUS = 512;

    /**
     * fixmap.h enum fixed_addresses: FIX_ENTRY_TRAMP_TEXT1, the last permanent slot. After FIX_FDT come
     * FIX_EARLYCON_MEM_BASE and FIX_TEXT_POKE0, the VNCR slots (6.16+), the four ACPI APEI GHES slots (Debian has
     * ACPI_APEI_GHES and ARM_SDE_INTERFACE), then FIX_ENTRY_TRAMP_TEXT4 (with RELOCATABLE, for the data page),
     * TEXT3, TEXT2, TEXT1. TRAMP_VALIAS = __fix_to_virt(FIX_ENTRY_TRAMP_TEXT1).
     */
    public long fixEntryTrampText1Slot() {
        long slot = fixFdtSlot() + 2;
        if (version().atLeast(FIXMAP_VNCR)) {
            slot += 1 + DEBIAN_NR_CPUS;
        }
        return slot + 4 + (build.randomizeBase() ? 1 : 0) + 3;
    }

    /** __end_of_permanent_fixed_addresses: FIXADDR_START lies this many pages below FIXADDR_TOP. */
    public long permanentFixmapPages() {
        return fixEntryTrampText1Slot() + 1;
    }

    /** mmu.c kernel_exec_prot: PAGE_KERNEL_ROX, PAGE_KERNEL_EXEC with rodata=off (no PTE_GP, unlike text_prot). */
    public Prot kernelExecProt() {
        return rodata().enabled() ? Prot.PAGE_KERNEL_ROX : Prot.PAGE_KERNEL_EXEC;
    }

    /** asm/sparsemem.h SECTION_SIZE_BITS: 27 (128M) with 4K/16K pages, 29 with 64K. */
    public int sectionSizeBits() {
        return runtimeGeometry().pageShift() == 16 ? 29 : 27;
    }

    // ---- KASLR / nG ----

    /** pi/kaslr_early.c: nokaslr disables the randomisation (seed assumed available otherwise). */
    public boolean kaslr() {
        return build.randomizeBase() && !cmdline.has("nokaslr");
    }

    /** asm/mmu.h kaslr_requires_kpti: with KASLR, nG unless the CPU has E0PD (pi/map_kernel.c early_map_kernel). */
    public static boolean kaslrRequiresNg(boolean kaslr, boolean e0pd) {
        return kaslr && !e0pd;
    }

    private static final long MIN_KIMG_ALIGN = 2L << 20; // asm/boot.h

    /**
     * Whether an image linked at KIMAGE_VADDR but found {@code kaslrOffset} bytes higher was displaced by a KASLR
     * seed. 6.9+ pi/map_kernel.c: kaslr_offset = pa_base % MIN_KIMG_ALIGN | (seed &amp; ~(MIN_KIMG_ALIGN - 1)), and
     * nG needs {@code kaslr_seed != 0}; 6.1 cpufeature.c kaslr_requires_kpti: {@code kaslr_offset() > 0}.
     */
    public static boolean imageDisplacedByKaslr(KernelVersion version, long kaslrOffset) {
        if (version.atLeast(PI_MAP_KERNEL)) { // pi/map_kernel.c decides nG from the seed
            return Long.compareUnsigned(kaslrOffset, MIN_KIMG_ALIGN) >= 0;
        }
        return kaslrOffset != 0;
    }

    /** PTE_MAYBE_NG is nG when arm64_use_ng_mappings (KPTI). */
    public boolean useNgMappings() {
        return cpu.kptiNeeded();
    }

    /** A prot as this kernel writes it: nG under KPTI, no SHARED field under LPA2. */
    public Prot resolve(Prot prot) {
        return prot.withNgIf(useNgMappings()).forGeometry(runtimeGeometry());
    }
}
