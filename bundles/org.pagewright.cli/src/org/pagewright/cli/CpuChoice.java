package org.pagewright.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.pagewright.arm64.capture.Capture;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The CPU a capture is replayed (or imported) on, when the user gives it: --midr, --cpu or --cpuinfo. The CPU
 * decides BBML2/BBML3 (block mappings on allow-listed CPUs), KPTI and errata; whichever CPU is used, the
 * {@code assumed:} line says which one and where it came from.
 */
final class CpuChoice {

	static final class Given {
		@Option(names = "--midr", paramLabel = "0x…", description = "MIDR_EL1 of the boot CPU, e.g. 0x410fd4d0")
		String midr;

		@Option(names = "--cpu", paramLabel = "NAME[:rVpR]",
				description = "a CPU by its cputype.h name, e.g. cortex-a715, neoverse-v3 or cortex-x4:r0p3 (an unknown "
						+ "name lists the known ones)")
		String cpu;

		@Option(names = "--cpuinfo", paramLabel = "FILE",
				description = "/proc/cpuinfo of the machine (CPU implementer/variant/part/revision per CPU)")
		Path cpuinfo;
	}

	@ArgGroup(exclusive = true, multiplicity = "0..1")
	Given given;

	/** A chosen CPU: its MIDR_EL1 and the assumed: line that says where it came from. */
	record Cpu(long midr, String assumption) {
	}

	/** The CPU given on the command line, if any; unusable values are an {@link InputException}. */
	Optional<Cpu> chosen() throws InputException {
		if (given == null) {
			return Optional.empty();
		}
		if (given.midr != null) {
			long midr = parseMidr(given.midr);
			return Optional.of(new Cpu(midr, "CPU " + describe(midr) + " from --midr"));
		}
		if (given.cpu != null) {
			long midr = CpuModels.midr(given.cpu).orElseThrow(() -> new InputException("--cpu " + given.cpu
					+ ": unknown CPU; known: " + CpuModels.names() + " (optionally :rVpR, e.g. cortex-x4:r0p3)"));
			return Optional.of(new Cpu(midr, "CPU " + describe(midr) + " from --cpu " + given.cpu));
		}
		return Optional.of(fromCpuinfo(given.cpuinfo));
	}

	/**
	 * The capture with its boot CPU replaced by the chosen one (the replay reads the CPU from the capture). The
	 * kernel log's "CPU features: detected:" lines are those of the captured CPU, so they are set aside: the
	 * chosen CPU's MIDR decides, and {@link #SET_ASIDE} says so.
	 */
	static Capture on(Capture c, long midr) {
		return new Capture(c.release(), c.cmdline(), c.kallsyms(), c.memblockMemory(), c.memblockReserved(),
				c.iomem(), c.modInfo(), c.kernelPageTables(), c.rawLeafRuns(), OptionalLong.of(midr),
				Optional.empty());
	}

	/** The assumed: line of a capture whose kernel log was set aside for a chosen CPU. */
	static final String SET_ASIDE = "the capture's kernel log ('CPU features: detected:') describes the captured CPU:"
			+ " set aside, the given CPU's MIDR decides";

	/** The assumed: lines of the CPU a replay or import runs on. */
	static List<String> assumptions(Optional<Cpu> chosen, Capture capture, String text) {
		if (chosen.isEmpty()) {
			return List.of(fromCapture(capture, text));
		}
		return capture.cpuCapabilities().isPresent() ? List.of(chosen.get().assumption(), SET_ASIDE)
				: List.of(chosen.get().assumption());
	}

	/** Where the capture's own CPU came from, for the assumed: line when the user gave none. */
	static String fromCapture(Capture c, String text) {
		if (c.midr().isEmpty()) {
			return "no CPU in the capture (no boot log line, no cpuinfo) and none given with --midr, --cpu or "
					+ "--cpuinfo";
		}
		String where = text.contains("Booting Linux on physical CPU") ? "the capture's boot log"
				: "the capture's cpuinfo";
		return "CPU " + describe(c.midr().getAsLong()) + " from " + where;
	}

	static String describe(long midr) {
		return String.format("MIDR_EL1 0x%08x", midr) + CpuModels.name(midr).map(n -> " (" + n + ")").orElse("");
	}

	private static long parseMidr(String text) throws InputException {
		try {
			String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
			long midr = Long.parseUnsignedLong(digits.replace("_", ""), 16);
			if (midr >>> 32 != 0) {
				throw new NumberFormatException();
			}
			return midr;
		} catch (NumberFormatException e) {
			throw new InputException("--midr " + text + ": not a 32-bit hexadecimal MIDR_EL1 value");
		}
	}

	/**
	 * The boot CPU (the first) of a /proc/cpuinfo, each processor's MIDR composed by the engine's capture reader;
	 * when the CPUs differ the assumed: line says so.
	 */
	private static Cpu fromCpuinfo(Path file) throws InputException {
		if (!Files.isRegularFile(file)) {
			throw new InputException("--cpuinfo " + file + ": no such file");
		}
		String text;
		try {
			text = Files.readString(file, StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			throw new InputException("--cpuinfo " + file + ": cannot be read: " + e.getMessage());
		}
		List<Long> midrs = new ArrayList<>();
		for (String processor : text.split("\\n\\s*\\n")) {
			midrOf(processor).ifPresent(midrs::add);
		}
		if (midrs.isEmpty()) {
			throw new InputException("--cpuinfo " + file + ": no CPU implementer/variant/part/revision lines");
		}
		String others = midrs.stream().distinct().count() == 1 ? ""
				: "; the CPUs differ (" + String.join(", ", midrs.stream().distinct().map(CpuChoice::describe)
						.toList()) + ") and the replay models the boot CPU";
		return new Cpu(midrs.get(0), "CPU " + describe(midrs.get(0)) + " from --cpuinfo " + file + " (" + midrs.size()
				+ " CPU(s))" + others);
	}

	static OptionalLong midrOf(String cpuinfoBlock) {
		return Capture.parse("===== BEGIN cpuinfo =====\n" + cpuinfoBlock + "\n===== END cpuinfo =====\n").value()
				.midr();
	}
}
