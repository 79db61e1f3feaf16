package org.pagewright.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.Parsed;

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

	/**
	 * A chosen CPU: its MIDR_EL1, the /proc/cpuinfo text that states it (the user's file, or one CPU composed from
	 * the MIDR) and the assumed: line that says where it came from.
	 */
	record Cpu(long midr, String cpuinfo, String assumption) {
	}

	/** The CPU given on the command line, if any; unusable values are an {@link InputException}. */
	Optional<Cpu> chosen() throws InputException {
		if (given == null) {
			return Optional.empty();
		}
		if (given.midr != null) {
			long midr = parseMidr(given.midr);
			return Optional.of(new Cpu(midr, cpuinfo(midr), "CPU " + describe(midr) + " from --midr"));
		}
		if (given.cpu != null) {
			long midr = CpuModels.midr(given.cpu).orElseThrow(() -> new InputException("--cpu " + given.cpu
					+ ": unknown CPU; known: " + CpuModels.names() + " (optionally :rVpR, e.g. cortex-x4:r0p3)"));
			return Optional.of(new Cpu(midr, cpuinfo(midr), "CPU " + describe(midr) + " from --cpu " + given.cpu));
		}
		return Optional.of(fromCpuinfo(given.cpuinfo));
	}

	private static final Pattern BOOT_LINE = Pattern.compile("Booting Linux on physical CPU");
	private static final Pattern CPUINFO_MARK = Pattern.compile("^===== (BEGIN|END) cpuinfo =====\\s*$");

	/**
	 * The capture as if it had been taken on the chosen CPU, parsed by the engine as any capture: its boot-log CPU
	 * line is blanked (with it the kernel log's "CPU features: detected:" lines, which describe the captured CPU,
	 * no longer count) and its cpuinfo section is replaced by the chosen CPU's. Line numbers stay as in the file.
	 */
	static Parsed<Capture> reparse(String captureText, Cpu cpu) {
		StringBuilder text = new StringBuilder(captureText.length() + cpu.cpuinfo().length() + 64);
		for (String line : captureText.split("\n", -1)) {
			Matcher mark = CPUINFO_MARK.matcher(line);
			if (BOOT_LINE.matcher(line).find()) {
				text.append('\n'); // the captured CPU's boot line
			} else if (mark.matches()) {
				text.append("===== ").append(mark.group(1)).append(" cpuinfo_captured =====\n");
			} else {
				text.append(line).append('\n');
			}
		}
		text.append("===== BEGIN cpuinfo =====\n").append(cpu.cpuinfo()).append("\n===== END cpuinfo =====\n");
		return Capture.parse(text.toString());
	}

	/** The assumed: line of a capture whose kernel log was set aside for a chosen CPU. */
	static final String SET_ASIDE = "the capture's kernel log ('CPU features: detected:') describes the captured CPU:"
			+ " set aside, the given CPU's MIDR decides";

	/** The assumed: lines of the CPU a replay or import runs on ({@code captured}: the capture as read). */
	static List<String> assumptions(Optional<Cpu> chosen, Capture captured, String text) {
		if (chosen.isEmpty()) {
			return List.of(fromCapture(captured, text));
		}
		return captured.cpuCapabilities().isPresent() ? List.of(chosen.get().assumption(), SET_ASIDE)
				: List.of(chosen.get().assumption());
	}

	/** One CPU of that MIDR as cpuinfo.c c_show prints it. */
	private static String cpuinfo(long midr) {
		return String.format("processor\t: 0%nCPU implementer\t: 0x%02x%nCPU architecture: 8%nCPU variant\t: 0x%x%n"
				+ "CPU part\t: 0x%03x%nCPU revision\t: %d%n", (midr >>> 24) & 0xff, (midr >>> 20) & 0xf,
				(midr >>> 4) & 0xfff, midr & 0xf).replace("\r", "");
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
		return new Cpu(midrs.get(0), text, "CPU " + describe(midrs.get(0)) + " from --cpuinfo " + file + " ("
				+ midrs.size() + " CPU(s))" + others);
	}

	static OptionalLong midrOf(String cpuinfoBlock) {
		return Capture.parse("===== BEGIN cpuinfo =====\n" + cpuinfoBlock + "\n===== END cpuinfo =====\n").value()
				.midr();
	}
}
