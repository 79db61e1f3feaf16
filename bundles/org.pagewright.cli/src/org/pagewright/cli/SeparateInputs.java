package org.pagewright.cli;

import java.nio.file.Path;
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
import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.Iomem;
import org.pagewright.arm64.capture.Kallsyms;
import org.pagewright.arm64.capture.KernelRelease;
import org.pagewright.arm64.capture.PhysRange;
import org.pagewright.arm64.capture.Section;
import org.pagewright.arm64.kernel.Cmdline;
import org.pagewright.arm64.kernel.KernelBuild;
import org.pagewright.arm64.kernel.KernelConfig;

import picocli.CommandLine.Option;

/**
 * A kernel's inputs as separate files (/proc/kallsyms, /proc/iomem, /proc/cmdline, uname -a, optionally dmesg)
 * turned into the capture log the engine reads, with the values a capture's ptdump module would print derived from
 * them: PAGE_OFFSET from the VA bits, kimage_voffset from kallsyms and iomem's "Kernel code", PHYS_OFFSET by the
 * memstart_addr rule, vabits_actual from the kernel log's CPU features. Each derivation becomes an assumed: line.
 */
final class SeparateInputs {

	/** The options, which go together. */
	static final class Files {
		@Option(names = "--kallsyms", required = true, paramLabel = "FILE", description = "/proc/kallsyms (or System.map)")
		Path kallsyms;

		@Option(names = "--iomem", required = true, paramLabel = "FILE", description = "/proc/iomem (as root)")
		Path iomem;

		@Option(names = "--cmdline", required = true, paramLabel = "\"…\"", description = "the kernel command line")
		String cmdline;

		@Option(names = "--uname", required = true, paramLabel = "\"…\"", description = "uname -a (the kernel version)")
		String uname;

		@Option(names = "--va-bits", paramLabel = "N",
				description = "CONFIG_ARM64_VA_BITS of the build (52 for LPA2 builds such as Debian 6.12+); default 52 "
						+ "when --dmesg says the kernel detected 52-bit Virtual Addressing or (6.9+) kallsyms has "
						+ "vabits_actual, else 48")
		Integer vaBits;

		@Option(names = "--vabits-actual", paramLabel = "N", description = "vabits_actual of the running kernel: 52 "
				+ "when a 52-bit build uses LPA2 (dmesg: 'CPU features: detected: 52-bit Virtual Addressing (LPA2)'); "
				+ "default: 52 when --dmesg says so, else by the build's rule without LPA2")
		Integer vabitsActual;

		@Option(names = "--dmesg", paramLabel = "FILE", description = "the kernel log (dmesg): the boot CPU's MIDR, "
				+ "the CPU features it detected (BBML2/BBML3, KPTI, 52-bit VAs) and the PCI hosts' I/O windows")
		Path dmesg;

		private final List<String> assumptions = new ArrayList<>();

		/** The capture log text of these inputs. */
		String captureText() throws InputException {
			String kallsymsText = ImportCommand.read(kallsyms, "--kallsyms");
			String iomemText = ImportCommand.read(iomem, "--iomem");
			String kernelLog = dmesg == null ? "" : ImportCommand.read(dmesg, "--dmesg");
			StringBuilder log = new StringBuilder();
			section(log, "uname", uname);
			section(log, "cmdline", cmdline);
			section(log, "kallsyms", kallsymsText);
			section(log, "iomem", iomemText);
			section(log, "memblock_memory", ""); // none: the banks are iomem's System RAM (an assumed: line)
			section(log, "memblock_reserved", "");
			section(log, "ptdump_mod_insmod", moduleValues(kallsymsText, iomemText, kernelLog));
			section(log, "dmesg_full", kernelLog);
			return log.toString();
		}

		List<String> assumptions() {
			return List.copyOf(assumptions);
		}

		/** The kernel log as the user named it, for the assumed: lines. */
		String bootLogName() {
			return "--dmesg " + dmesg;
		}

		String describe() {
			return "--kallsyms " + kallsyms + " --iomem " + iomem + " --cmdline \"" + cmdline + "\" --uname \"" + uname
					+ "\"" + (dmesg == null ? "" : " --dmesg " + dmesg);
		}

		/** PAGE_OFFSET, kimage_voffset and PHYS_OFFSET as ptdump_mod would print them. */
		private String moduleValues(String kallsymsText, String iomemText, String kernelLog) throws InputException {
			KernelVersion version = KernelRelease.parse(Section.of("uname", uname)).value()
					.flatMap(r -> KernelVersion.tryParse(r.version()))
					.orElseThrow(() -> new InputException("--uname \"" + uname + "\": no kernel version in it"));
			boolean logSays52 = Capture.detectedVa52(kernelLog).orElse(false);
			Kallsyms symbols = Kallsyms.parse(Section.of("kallsyms", kallsymsText)).value();
			int bits = buildVaBits(version, symbols, logSays52);
			GeometryResult g = Geometry.check(Granule.G4K, bits);
			if (!(g instanceof GeometryResult.Supported supported)) {
				throw new InputException("--va-bits " + bits + ": " + ((GeometryResult.Unsupported) g).reason());
			}
			Geometry geometry = supported.geometry();
			Iomem io = Iomem.parse(Section.of("iomem", iomemText)).value();
			KernelConfig kernel = new KernelConfig(KernelBuild.debian(version, geometry),
					new Cmdline(List.of(cmdline.trim().split("\\s+"))), CpuFeatures.none());
			// setup.c request_standard_resources: "Kernel code" starts at __pa_symbol(_text) where the head is
			// mapped (6.12+), at __pa_symbol(_stext) before
			String codeStart = kernel.textHeadMapped() ? "_text" : "_stext";
			OptionalLong va = symbols.address(codeStart);
			Optional<PhysRange> code = io.named("Kernel code");
			if (va.isEmpty() || code.isEmpty()) {
				throw new InputException("need " + codeStart + " in --kallsyms and \"Kernel code\" in --iomem to place "
						+ "the image (kimage_voffset)");
			}
			long voffset = va.getAsLong() - code.get().start();
			assumptions.add(String.format("kimage_voffset = %s - iomem Kernel code start = 0x%x", codeStart, voffset));
			List<PhysRange> ram = io.systemRam();
			if (ram.isEmpty()) {
				throw new InputException("--iomem " + iomem + ": no System RAM");
			}
			Integer observedBits = vabitsActual != null ? vabitsActual : logSays52 ? Integer.valueOf(52) : null;
			if (vabitsActual == null && observedBits != null) {
				assumptions.add("vabits_actual=52: the kernel log says it detected 52-bit Virtual Addressing");
			}
			int actual = observedBits == null ? kernel.vabitsActual() : observedBits;
			long physOffset = KernelConfig.memstartAddr(geometry, actual, ram.get(0).start());
			assumptions.add(String.format("PHYS_OFFSET = memstart_addr of DRAM at 0x%x = 0x%x", ram.get(0).start(),
					physOffset));
			// the capture replay follows an observed vabits_actual (LPA2 in use or not) over its rule
			String observed = observedBits == null ? "" : " vabits_actual=" + observedBits;
			return String.format("ptdump_mod: PAGE_OFFSET=%x kimage_voffset=%x PHYS_OFFSET=%x%s%n", -(1L << bits),
					voffset, physOffset, observed);
		}

		/** CONFIG_ARM64_VA_BITS: as given, else what the kernel log or kallsyms says of a 52-bit build, else 48. */
		private int buildVaBits(KernelVersion version, Kallsyms symbols, boolean logSays52) throws InputException {
			if (vaBits != null) {
				if (logSays52 && vaBits != 52) {
					throw new InputException("--va-bits " + vaBits + ": the kernel log (--dmesg " + dmesg + ") says "
							+ "the kernel detected 52-bit Virtual Addressing, which only 52-bit builds do");
				}
				return vaBits;
			}
			if (logSays52) {
				assumptions.add("CONFIG_ARM64_VA_BITS=52: the kernel log says 'CPU features: detected: 52-bit "
						+ "Virtual Addressing', which only 52-bit builds detect");
				return 52;
			}
			if (KernelRules.of(version).vabitsActualSymbolOnlyIn52BitBuilds()
					&& symbols.address("vabits_actual").isPresent()) {
				assumptions.add("CONFIG_ARM64_VA_BITS=52: kallsyms has vabits_actual, which " + version
						+ " defines only in 52-bit builds (memory.h)");
				return 52;
			}
			assumptions.add("CONFIG_ARM64_VA_BITS=48 (no --va-bits)");
			return 48;
		}

		private static void section(StringBuilder log, String name, String text) {
			log.append("===== BEGIN ").append(name).append(" =====\n").append(text);
			if (!text.isEmpty() && !text.endsWith("\n")) {
				log.append('\n');
			}
			log.append("===== END ").append(name).append(" =====\n");
		}
	}

	private SeparateInputs() {
	}
}
