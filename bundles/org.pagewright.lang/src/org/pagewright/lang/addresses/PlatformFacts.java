package org.pagewright.lang.addresses;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.OnChangeEvictingCache;
import org.eclipse.xtext.util.Tuples;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.GeometryResult;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.kernel.BlockSplitCapability;
import org.pagewright.arm64.kernel.Cmdline;
import org.pagewright.arm64.kernel.KernelConfig;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.lang.layout.CmdlineSetting;
import org.pagewright.lang.layout.CmdlineWord;
import org.pagewright.lang.layout.CpuFeature;
import org.pagewright.lang.layout.CpuMidrSetting;
import org.pagewright.lang.layout.CpuSetting;
import org.pagewright.lang.layout.DramBank;
import org.pagewright.lang.layout.FdtSetting;
import org.pagewright.lang.layout.KfencePoolSetting;
import org.pagewright.lang.layout.PciIoSetting;
import org.pagewright.lang.layout.GranuleSetting;
import org.pagewright.lang.layout.KconfigSetting;
import org.pagewright.lang.layout.KernelSetting;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.VaBitsSetting;

/** Geometry and options of a platform, with the kernel's defaults (4K granule, 48-bit VA) where a setting is absent. */
public final class PlatformFacts {

	/**
	 * The derived facts that every address question asks for (the geometry, PAGE_OFFSET, PHYS_OFFSET), computed
	 * once per platform while its resource is unchanged: 100,000 checks ask them 100,000 times.
	 */
	private static final OnChangeEvictingCache DERIVED = new OnChangeEvictingCache();

	private static <T> T derived(Platform platform, String fact, Supplier<T> compute) {
		Resource resource = platform == null ? null : platform.eResource();
		return resource == null ? compute.get() : DERIVED.get(Tuples.create(fact, platform), resource, compute::get);
	}

	public static final BigInteger SZ_4K = BigInteger.valueOf(4096);
	public static final BigInteger SZ_16K = BigInteger.valueOf(16384);
	public static final BigInteger SZ_64K = BigInteger.valueOf(65536);
	public static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

	private PlatformFacts() {
	}

	/** PAGE_SIZE; a granule the validator refuses (0, 3K, …) counts as 4K so that no rule divides by it. */
	public static BigInteger pageSize(Platform platform) {
		BigInteger size = rawPageSize(platform);
		return size.equals(SZ_4K) || size.equals(SZ_16K) || size.equals(SZ_64K) ? size : SZ_4K;
	}

	public static int vaBits(Platform platform) {
		return settings(platform, VaBitsSetting.class).mapToInt(VaBitsSetting::getBits).findFirst().orElse(48);
	}

	/** The platform's kernel as the engine reads it, through which its version rules are asked. */
	public static Optional<KernelVersion> kernel(Platform platform) {
		return settings(platform, KernelSetting.class).map(k -> KernelVersion.tryParse(k.getVersion()))
				.flatMap(Optional::stream).findFirst();
	}

	public static boolean hasCpu(Platform platform, CpuFeature feature) {
		return settings(platform, CpuSetting.class).anyMatch(c -> c.getFeatures().contains(feature));
	}

	/**
	 * The CPU can translate the build's 52-bit VAs: FEAT_LVA with 64K pages, FEAT_LPA2 with 4K and 16K
	 * (pi/map_kernel.c early_map_kernel: cpu_has_lva() / cpu_has_lpa2()); a CPU with LPA2 has LVA too.
	 */
	public static boolean cpuHas52BitVa(Platform platform) {
		boolean lpa2 = hasCpu(platform, CpuFeature.LPA2);
		return granule(platform).orElse(Granule.G4K) == Granule.G64K ? lpa2 || hasCpu(platform, CpuFeature.LVA) : lpa2;
	}

	/**
	 * The CPU as the engine reads it; bbml3 implies BBML2-noabort (cpufeature.c has_bbml2_noabort). With `cpu N midr`
	 * lines the block-split capability is each CPU's own answer instead (boot CPU, and whether every CPU has it).
	 */
	public static CpuFeatures cpuFeatures(Platform platform) {
		CpuFeatures words = CpuFeatures.of(hasCpu(platform, CpuFeature.BBML2_NOABORT)
				|| hasCpu(platform, CpuFeature.BBML3), cpuHas52BitVa(platform), hasCpu(platform, CpuFeature.MTE),
				hasCpu(platform, CpuFeature.KPTI), hasCpu(platform, CpuFeature.BTI));
		return blockSplitByMidr(platform).map(b -> b.applyTo(words)).orElse(words);
	}

	/** The most CPUs a `cpus a-b` line names that are read (NR_CPUS of Debian's arm64 build is 4096). */
	public static final int MAX_CPUS = 4096;

	/**
	 * CPU 0's and the secondaries' block-split capability by their MIDRs, as this kernel's allow-list decides it
	 * (the engine's Bbml2AllowList); empty without a `cpu 0 midr` line.
	 */
	public static Optional<BlockSplitCapability> blockSplitByMidr(Platform platform) {
		Long boot = null;
		List<Long> secondaries = new java.util.ArrayList<>();
		for (CpuMidrSetting line : settings(platform, CpuMidrSetting.class).toList()) {
			if (line.getMidr() == null) {
				continue;
			}
			for (int cpu = line.getFirst(); cpu <= lastCpu(line) && cpu < MAX_CPUS; cpu++) {
				if (cpu == 0) {
					boot = line.getMidr().longValue();
				} else {
					secondaries.add(line.getMidr().longValue());
				}
			}
		}
		if (boot == null) {
			return Optional.empty();
		}
		KernelRules rules = KernelRules.of(kernel(platform).orElse(KernelVersion.MODELLED.get(
				KernelVersion.MODELLED.size() - 1)));
		return Optional.of(BlockSplitCapability.byMidr(rules, boot, OptionalLong.empty(), secondaries,
				OptionalLong.empty()));
	}

	/** The last CPU of a `cpu N` or `cpus a-b` line. */
	public static int lastCpu(CpuMidrSetting line) {
		return line.getLast() > line.getFirst() ? line.getLast() : line.getFirst();
	}

	/** The platform's `config NAME=VALUE` lines, in the order written. */
	public static List<String> kconfig(Platform platform) {
		return settings(platform, KconfigSetting.class).flatMap(k -> k.getOptions().stream())
				.map(o -> o.getName() + "=" + o.getValue()).toList();
	}

	/** The whole command line as the engine reads it, in the order written. */
	public static Cmdline cmdline(Platform platform) {
		return new Cmdline(settings(platform, CmdlineSetting.class).flatMap(c -> c.getWords().stream())
				.map(w -> w.isAssigned() ? w.getKey() + "=" + w.getValue() : w.getKey()).toList());
	}

	public static Optional<CmdlineWord> cmdline(Platform platform, String key) {
		return settings(platform, CmdlineSetting.class).flatMap(c -> c.getWords().stream())
				.filter(w -> key.equals(w.getKey())).findFirst();
	}

	/** PAGE_OFFSET = _PAGE_OFFSET(VA_BITS): kernel VAs are the top 2^VA_BITS (the engine's KernelVaLayout). */
	public static BigInteger pageOffset(Platform platform) {
		return derived(platform, "PAGE_OFFSET", () -> unsigned(KernelVaLayout.pageOffset(geometryOrDefault(platform).vaBits())));
	}

	/** PAGE_END = _PAGE_END(VA_BITS_MIN): the end of the linear map without KASAN (the engine's KernelVaLayout). */
	public static BigInteger pageEnd(Platform platform) {
		return derived(platform, "PAGE_END",
				() -> unsigned(KernelVaLayout.pageEnd(KernelVaLayout.vaBitsMin(geometryOrDefault(platform)))));
	}

	/** The smallest block Linux creates: a PMD (the engine's Geometry). */
	public static BigInteger pmdSize(Platform platform) {
		return BigInteger.valueOf(geometryOrDefault(platform).levelSize(2));
	}

	/** CONT_PTE_SIZE: 16 x 4K, 128 x 16K, 32 x 64K (the engine's Geometry). */
	public static BigInteger contPteSize(Platform platform) {
		return BigInteger.valueOf(geometryOrDefault(platform).contSize(3));
	}

	/** The build's geometry; for a combination the engine refuses (reported by validation) its 48-bit one. */
	static Geometry geometryOrDefault(Platform platform) {
		return derived(platform, "geometryOrDefault", () -> buildGeometry(platform).orElseGet(() -> {
			Granule granule = granule(platform).orElse(Granule.G4K);
			return ((GeometryResult.Supported) Geometry.check(granule, 48)).geometry();
		}));
	}

	/** The level a walk of this platform's tables starts at (-1 to 1, from the granule and the VA size). */
	public static int startLevel(Platform platform) {
		return geometryOrDefault(platform).startLevel();
	}

	/** Bytes one entry of this level maps on this platform (4K, 48 bits: level 1 = 1G, level 2 = 2M). */
	public static long levelSize(Platform platform, int level) {
		return geometryOrDefault(platform).levelSize(level);
	}

	/** Where Linux puts a leaf: a level Linux maps blocks at, or the last level (the engine's Geometry). */
	public static boolean isLeafLevel(Platform platform, int level) {
		return level == Geometry.LAST_LEVEL || geometryOrDefault(platform).linuxBlockLevel(level);
	}

	/**
	 * The sections of kernel_page_tables: its address_markers[] names, "… start" shortened to the region's name
	 * ("Linear Mapping"), as the engine's KernelVaLayout lists them.
	 */
	public static java.util.List<String> ptdumpSections(Platform platform) {
		KernelVersion version = kernel(platform).orElse(KernelVersion.MODELLED.get(KernelVersion.MODELLED.size() - 1));
		return KernelVaLayout.of(geometryOrDefault(platform), version, 0).ptdumpMarkers().stream()
				.map(m -> m.name().endsWith(" start") ? m.name().substring(0, m.name().length() - " start".length())
						: m.name())
				.distinct().toList();
	}

	/** The granule of the platform's page size, if it is one. */
	public static Optional<Granule> granule(Platform platform) {
		BigInteger size = rawPageSize(platform);
		int shift = size.getLowestSetBit();
		return java.util.Arrays.stream(Granule.values()).filter(g -> g.pageShift() == shift
				&& size.bitCount() == 1).findFirst();
	}

	private static BigInteger rawPageSize(Platform platform) {
		return settings(platform, GranuleSetting.class).map(GranuleSetting::getSize).filter(s -> s != null)
				.findFirst().orElse(SZ_4K);
	}

	private static BigInteger unsigned(long value) {
		return new BigInteger(Long.toUnsignedString(value));
	}

	/**
	 * PHYS_OFFSET = memstart_addr as the engine derives it from the lowest DRAM address (rounded down, and lowered
	 * when a 52-bit build runs with 48-bit VAs), as an unsigned 64-bit value; {@code null} without DRAM banks.
	 */
	public static BigInteger physOffset(Platform platform) {
		return derived(platform, "PHYS_OFFSET", () -> computePhysOffset(platform));
	}

	private static BigInteger computePhysOffset(Platform platform) {
		BigInteger base = settings(platform, DramBank.class).map(DramBank::getBase).filter(b -> b != null)
				.min(BigInteger::compareTo).orElse(null);
		if (base == null || base.bitLength() > 64) {
			return base;
		}
		Optional<Geometry> build = buildGeometry(platform);
		if (build.isEmpty()) {
			return base;
		}
		long memstart = KernelConfig.memstartAddr(build.get(), vabitsActual(platform, build.get()), base.longValue());
		return new BigInteger(Long.toUnsignedString(memstart));
	}

	/**
	 * The physical address size the engine's descriptors encode at run time: 2^52 when the kernel runs with 52-bit
	 * VAs (64K, or LPA2 present and not arm64.nolva), else 2^48 (the engine's Geometry.physicalLimit).
	 */
	public static BigInteger physicalLimit(Platform platform) {
		Optional<Geometry> build = buildGeometry(platform);
		if (build.isEmpty()) {
			return BigInteger.ONE.shiftLeft(48);
		}
		return BigInteger.ONE.shiftLeft(vabitsActual(platform, build.get()) == 52 ? 52 : 48);
	}

	/** memory.h vabits_actual of this CPU and command line (the engine's KernelConfig). */
	private static int vabitsActual(Platform platform, Geometry build) {
		return KernelConfig.vabitsActual(build, cpuHas52BitVa(platform), cmdline(platform, "arm64.nolva").isPresent());
	}

	/** The geometry the kernel is built for (granule, VA_BITS), if the engine supports it. */
	static Optional<Geometry> buildGeometry(Platform platform) {
		return derived(platform, "buildGeometry", () -> granule(platform)
				.flatMap(g -> Geometry.check(g, vaBits(platform)) instanceof GeometryResult.Supported s
				? Optional.of(s.geometry()) : Optional.empty()));
	}

	/** The bootloader's FDT, `fdt at PA size N`, the last one written; empty when the platform has none. */
	public static Optional<FdtSetting> fdt(Platform platform) {
		return settings(platform, FdtSetting.class).filter(f -> f.getBase() != null && f.getSize() != null)
				.reduce((a, b) -> b);
	}

	/** The PCI host bridges' I/O windows, `pci_io at PA size N`, in the order written (probe order). */
	public static List<PciIoSetting> pciIo(Platform platform) {
		return settings(platform, PciIoSetting.class).filter(w -> w.getBase() != null && w.getSize() != null)
				.toList();
	}

	/** Where memblock put the early KFENCE pool, `kfence_pool at PA`, the last one written. */
	public static Optional<BigInteger> kfencePool(Platform platform) {
		return settings(platform, KfencePoolSetting.class).map(KfencePoolSetting::getBase).filter(b -> b != null)
				.reduce((a, b) -> b);
	}

	private static <T> java.util.stream.Stream<T> settings(Platform platform, Class<T> type) {
		return platform == null ? java.util.stream.Stream.empty()
				: platform.getSettings().stream().filter(type::isInstance).map(type::cast);
	}
}
