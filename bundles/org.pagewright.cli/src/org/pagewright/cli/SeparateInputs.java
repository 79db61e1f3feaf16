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
import org.pagewright.arm64.KernelVersion;
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
 * A kernel's inputs as separate files (/proc/kallsyms, /proc/iomem, /proc/cmdline, uname -a) turned into the
 * capture log the engine reads, with the values a capture's ptdump module would print derived from them:
 * PAGE_OFFSET from the VA bits, kimage_voffset from kallsyms and iomem's "Kernel code", PHYS_OFFSET by the
 * memstart_addr rule. Each derivation becomes an assumed: line.
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
				description = "CONFIG_ARM64_VA_BITS of the build (default 48; 52 for LPA2 builds such as Debian 6.12+)")
		Integer vaBits;

		@Option(names = "--vabits-actual", paramLabel = "N", description = "vabits_actual of the running kernel: 52 "
				+ "when a 52-bit build uses LPA2 (dmesg: 'CPU features: detected: 52-bit Virtual Addressing (LPA2)'); "
				+ "default: by the build's rule without LPA2")
		Integer vabitsActual;

		private final List<String> assumptions = new ArrayList<>();

		/** The capture log text of these inputs. */
		String captureText() throws InputException {
			String kallsymsText = ImportCommand.read(kallsyms, "--kallsyms");
			String iomemText = ImportCommand.read(iomem, "--iomem");
			StringBuilder log = new StringBuilder();
			section(log, "uname", uname);
			section(log, "cmdline", cmdline);
			section(log, "kallsyms", kallsymsText);
			section(log, "iomem", iomemText);
			section(log, "memblock_memory", ""); // none: the banks are iomem's System RAM (an assumed: line)
			section(log, "memblock_reserved", "");
			section(log, "ptdump_mod_insmod", moduleValues(kallsymsText, iomemText));
			return log.toString();
		}

		List<String> assumptions() {
			return List.copyOf(assumptions);
		}

		String describe() {
			return "--kallsyms " + kallsyms + " --iomem " + iomem + " --cmdline \"" + cmdline + "\" --uname \"" + uname
					+ "\"";
		}

		/** PAGE_OFFSET, kimage_voffset and PHYS_OFFSET as ptdump_mod would print them. */
		private String moduleValues(String kallsymsText, String iomemText) throws InputException {
			KernelVersion version = KernelRelease.parse(Section.of("uname", uname)).value()
					.flatMap(r -> KernelVersion.tryParse(r.version()))
					.orElseThrow(() -> new InputException("--uname \"" + uname + "\": no kernel version in it"));
			int bits = vaBits == null ? 48 : vaBits;
			if (vaBits == null) {
				assumptions.add("CONFIG_ARM64_VA_BITS=48 (no --va-bits)");
			}
			GeometryResult g = Geometry.check(Granule.G4K, bits);
			if (!(g instanceof GeometryResult.Supported supported)) {
				throw new InputException("--va-bits " + bits + ": " + ((GeometryResult.Unsupported) g).reason());
			}
			Geometry geometry = supported.geometry();
			Kallsyms symbols = Kallsyms.parse(Section.of("kallsyms", kallsymsText)).value();
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
			int actual = vabitsActual == null ? kernel.vabitsActual() : vabitsActual;
			long physOffset = KernelConfig.memstartAddr(geometry, actual, ram.get(0).start());
			assumptions.add(String.format("PHYS_OFFSET = memstart_addr of DRAM at 0x%x = 0x%x", ram.get(0).start(),
					physOffset));
			// the capture replay follows an observed vabits_actual (LPA2 in use or not) over its rule
			String observed = vabitsActual == null ? "" : " vabits_actual=" + vabitsActual;
			return String.format("ptdump_mod: PAGE_OFFSET=%x kimage_voffset=%x PHYS_OFFSET=%x%s%n", -(1L << bits),
					voffset, physOffset, observed);
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
