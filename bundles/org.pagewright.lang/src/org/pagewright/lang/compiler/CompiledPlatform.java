package org.pagewright.lang.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.GeometryResult;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.BootPlatform;
import org.pagewright.arm64.kernel.KfencePool;
import org.pagewright.arm64.kernel.MapEntryTrampoline;
import org.pagewright.arm64.kernel.BootPlatform;
import org.pagewright.arm64.kernel.KfencePool;
import org.pagewright.arm64.kernel.MapEntryTrampoline;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.KernelConfig;
import org.pagewright.arm64.kernel.KernelImage;
import org.pagewright.arm64.kernel.PhysicalMemory;
import org.pagewright.arm64.layout.FixmapSize;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.config.ConfigFactory;
import org.pagewright.config.run.KernelBuildOptions;
import org.pagewright.config.DirectMapDecisions;
import org.pagewright.config.DramBank;
import org.pagewright.config.Machine;
import org.pagewright.lang.layout.FdtSetting;
import org.pagewright.lang.layout.FdtSetting;
import org.pagewright.lang.layout.GranuleSetting;
import org.pagewright.lang.addresses.PlatformFacts;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.KernelSetting;
import org.pagewright.lang.layout.PlatformSetting;
import org.pagewright.lang.layout.Symbol;
import org.pagewright.lang.layout.VaBitsSetting;

/**
 * A platform and image of the language read as the engine needs them: geometry, kernel (build, cmdline, CPU),
 * DRAM and PHYS_OFFSET, the VA layout, the resolved image symbols and, when the image names every section symbol
 * the recipes read, the engine's {@link Boot}.
 */
final class CompiledPlatform {
    final Platform source;
    final Image image;
    final Geometry geometry;
    final KernelConfig kernel;
    final KernelVaLayout layout;
    final PhysicalMemory memory;
    final AddressResolver addresses;
    final Map<String, Long> symbols = new HashMap<>();
    final Long kimageVoffset;
    /** The firmware's and devices' inputs: the FDT, the PCI I/O windows, the trampoline text's size. */
    final BootPlatform firmware;
    private final Optional<Boot> boot;
    private final List<String> bootProblems;

    CompiledPlatform(Platform platform, Image image) {
        this.source = platform;
        this.image = image;
        KernelVersion version = KernelVersion.tryParse(setting(platform, KernelSetting.class).getVersion())
                .orElseThrow(() -> new CompileException(setting(platform, KernelSetting.class), "not a kernel version"));
        GranuleSetting granuleSetting = setting(platform, GranuleSetting.class);
        Granule granule = PlatformFacts.granule(platform).orElseThrow(() -> new CompileException(granuleSetting,
                "granule " + granuleSetting.getSize() + " is not 4K, 16K or 64K"));
        int vaBits = setting(platform, VaBitsSetting.class).getBits();
        GeometryResult g = Geometry.check(granule, vaBits);
        if (g instanceof GeometryResult.Unsupported u) {
            throw new CompileException(setting(platform, VaBitsSetting.class), u.reason());
        }
        geometry = ((GeometryResult.Supported) g).geometry();
        List<String> kconfigProblems = new ArrayList<>();
        KernelBuild build = KernelBuildOptions.of(version, geometry, PlatformFacts.kconfig(platform), kconfigProblems)
                .orElseThrow(() -> new CompileException(platform, String.join("; ", kconfigProblems)));
        kernel = new KernelConfig(build, PlatformFacts.cmdline(platform), PlatformFacts.cpuFeatures(platform));
        long fixmapPages = FixmapSize.debianOrClosest(version);
        layout = KernelVaLayout.of(geometry, version, kernel.vabitsActual(), fixmapPages);
        memory = physicalMemory(platform, geometry, kernel.vabitsActual());
        kimageVoffset = image == null || image.getVirt() == null ? null
                : image.getVirt().longValue() - image.getPhys().longValue();
        addresses = new AddressResolver(layout, memory.physOffset(), kimageVoffset);
        if (image != null) {
            for (Symbol s : image.getSymbols()) {
                symbols.put(s.getName(), addresses.value(s.getValue()));
            }
        }
        Map<String, Long> withAliases = new HashMap<>(symbols);
        withAliases.putIfAbsent("_data", symbols.get("_sdata")); // vmlinux.lds.S: _data = _sdata
        withAliases.values().removeIf(v -> v == null);
        KernelImage.Result r = image == null || kimageVoffset == null
                ? new KernelImage.Result(Optional.empty(), List.of("no image with load addresses"))
                : KernelImage.of(withAliases, kimageVoffset);
        bootProblems = r.problems();
        OptionalLong kfencePool = PlatformFacts.kfencePool(platform).map(b -> OptionalLong.of(b.longValue()))
                .orElse(OptionalLong.empty());
        boot = r.image().map(i -> new Boot(kernel, i, memory, layout, kfencePool));
        firmware = firmware(platform, symbols, geometry.pageSize());
    }

    /**
     * The platform's fdt and pci_io lines, and the trampoline text's pages from the image's
     * __entry_tramp_text_start/_end (vmlinux.lds.S; unknown without them: map_entry_trampoline maps nothing).
     */
    private static BootPlatform firmware(Platform platform, Map<String, Long> symbols, long page) {
        Optional<FdtSetting> fdt = PlatformFacts.fdt(platform);
        List<BootPlatform.IoWindow> io = PlatformFacts.pciIo(platform).stream()
                .map(w -> new BootPlatform.IoWindow(w.getBase().longValue(), w.getSize().longValue())).toList();
        Long start = symbols.get("__entry_tramp_text_start");
        Long end = symbols.get("__entry_tramp_text_end");
        OptionalInt tramp = start == null || end == null ? OptionalInt.empty()
                : MapEntryTrampoline.textPages(start, end, page);
        return new BootPlatform(fdt.map(f -> OptionalLong.of(f.getBase().longValue())).orElse(OptionalLong.empty()),
                fdt.map(f -> f.getSize().longValue()).orElse(0L), io, tramp);
    }

    /** The engine's view of this boot, or a located error naming what the image lacks for a recipe. */
    Boot boot(org.eclipse.emf.ecore.EObject recipeStep) {
        return boot.orElseThrow(() -> new CompileException(recipeStep, "kernel recipes need the image's section "
                + "symbols " + KernelImage.REQUIRED + ": " + String.join(", ", bootProblems)));
    }

    Machine machine() {
        ConfigFactory f = ConfigFactory.eINSTANCE;
        Machine m = f.createMachine();
        m.setGranule(org.pagewright.config.Granule.get(geometry.granule().label()));
        m.setVaBits(geometry.vaBits());
        m.setKernelVersion(kernel.version().toString());
        m.getCmdline().addAll(kernel.cmdline().words());
        m.getKconfig().addAll(PlatformFacts.kconfig(source));
        CpuFeatures cpu = kernel.cpu();
        addIf(m, cpu.bbml2Noabort(), org.pagewright.config.CpuFeature.BBML2_NOABORT);
        addIf(m, cpu.va52(), org.pagewright.config.CpuFeature.LPA2);
        addIf(m, cpu.mte(), org.pagewright.config.CpuFeature.MTE);
        addIf(m, cpu.kptiNeeded(), org.pagewright.config.CpuFeature.KPTI);
        addIf(m, cpu.bti(), org.pagewright.config.CpuFeature.BTI);
        m.setFixmapPages(layout.fixaddrTop() == layout.fixmapStart() ? 0
                : (layout.fixaddrTop() - layout.fixmapStart()) / geometry.pageSize());
        m.setPhysOffset(memory.physOffset());
        DirectMapDecisions d = f.createDirectMapDecisions();
        d.setForcePteMapping(kernel.forcePteMapping());
        d.setCanSetDirectMap(kernel.canSetDirectMap());
        d.setRodataFull(kernel.rodataFull());
        boot.flatMap(KfencePool::earlyPoolLinearRange).ifPresent(pool -> {
            d.setKfencePoolStart(pool.start());
            d.setKfencePoolEnd(pool.end());
        });
        m.setDirectMap(d);
        return m;
    }

    List<DramBank> banks() {
        List<DramBank> out = new ArrayList<>();
        for (PlatformSetting s : source.getSettings()) {
            if (s instanceof org.pagewright.lang.layout.DramBank b) {
                DramBank bank = ConfigFactory.eINSTANCE.createDramBank();
                bank.setName(b.getName());
                bank.setBase(b.getBase().longValue());
                bank.setSize(b.getSize().longValue());
                out.add(bank);
            }
        }
        return out;
    }

    /**
     * memstart_addr = round_down(start of DRAM, ARM64_MEMSTART_ALIGN) (arm64 mm/init.c, memory.h): 1G with 4K and
     * 16K pages (PUD_SHIFT / CONT_PMD_SHIFT), 512M with 64K (PMD_SHIFT), never below the 128M/512M section size.
     */
    private static PhysicalMemory physicalMemory(Platform platform, Geometry g, int vabitsActual) {
        List<PhysicalMemory.Bank> banks = new ArrayList<>();
        for (PlatformSetting s : platform.getSettings()) {
            if (s instanceof org.pagewright.lang.layout.DramBank b) {
                long base = b.getBase().longValue();
                banks.add(new PhysicalMemory.Bank(base, base + b.getSize().longValue()));
            }
        }
        if (banks.isEmpty()) {
            throw new CompileException(platform, "platform " + platform.getName() + " has no dram bank");
        }
        banks.sort((a, b) -> Long.compareUnsigned(a.start(), b.start()));
        return new PhysicalMemory(banks, KernelConfig.memstartAddr(g, vabitsActual, banks.get(0).start()));
    }

    private static void addIf(Machine m, boolean present, org.pagewright.config.CpuFeature feature) {
        if (present) {
            m.getCpuFeatures().add(feature);
        }
    }

    private static <T extends PlatformSetting> T setting(Platform p, Class<T> type) {
        return optionalSetting(p, type).orElseThrow(() -> new CompileException(p, "platform " + p.getName()
                + " lacks a '" + type.getSimpleName().replace("Setting", "").toLowerCase() + "' setting"));
    }

    private static <T extends PlatformSetting> Optional<T> optionalSetting(Platform p, Class<T> type) {
        return p.getSettings().stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b);
    }
}
