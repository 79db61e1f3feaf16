package org.pagewright.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.Cpus;
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

	/** A chosen CPU: the engine's statement of it (boot CPU and secondaries) and the assumed: line of its source. */
	record Cpu(Cpus cpus, String assumption) {
	}

	/** The CPU given on the command line, if any; unusable values are an {@link InputException}. */
	Optional<Cpu> chosen() throws InputException {
		if (given == null) {
			return Optional.empty();
		}
		if (given.midr != null) {
			long midr = parseMidr(given.midr);
			return Optional.of(new Cpu(Cpus.of(midr), "CPU " + describe(midr) + " from --midr"));
		}
		if (given.cpu != null) {
			long midr = CpuModels.midr(given.cpu).orElseThrow(() -> new InputException("--cpu " + given.cpu
					+ ": unknown CPU; known: " + CpuModels.names() + " (optionally :rVpR, e.g. cortex-x4:r0p3)"));
			return Optional.of(new Cpu(Cpus.of(midr), "CPU " + describe(midr) + " from --cpu " + given.cpu));
		}
		return Optional.of(fromCpuinfo(given.cpuinfo));
	}

	private static final Pattern BOOT_LINE = Pattern.compile("Booting Linux on physical CPU");

	/**
	 * The capture as the engine reads it, less what its kernel log says of the captured CPU: the boot-log CPU line
	 * is blanked (line numbers kept), and with it the "CPU features: detected:" lines no longer count, so that the
	 * chosen CPU decides BBML2/BBML3 and KPTI rather than the log of another one.
	 */
	static Parsed<Capture> withoutCapturedCpu(String captureText) {
		if (!BOOT_LINE.matcher(captureText).find()) {
			return Capture.parse(captureText);
		}
		return Capture.parse(Arrays.stream(captureText.split("\n", -1))
				.map(l -> BOOT_LINE.matcher(l).find() ? "" : l).collect(Collectors.joining("\n")));
	}

	/** The assumed: line of a capture whose kernel log was set aside for a chosen CPU. */
	static final String SET_ASIDE = "the capture's kernel log ('CPU features: detected:') describes the captured CPU:"
			+ " set aside, the given CPU's MIDR decides";

	/** The assumed: lines of the CPU a replay or import runs on ({@code captured}: the capture as read). */
	static List<String> assumptions(Optional<Cpu> chosen, Capture captured, String text) {
		return assumptions(chosen, captured, text, "the capture's boot log");
	}

	/** The same, the kernel log named as the user gave it (import's --dmesg FILE). */
	static List<String> assumptions(Optional<Cpu> chosen, Capture captured, String text, String bootLog) {
		if (chosen.isEmpty()) {
			return List.of(fromCapture(captured, text, bootLog));
		}
		return captured.cpuCapabilities().isPresent() ? List.of(chosen.get().assumption(), SET_ASIDE)
				: List.of(chosen.get().assumption());
	}

	/** Where the capture's own CPU came from, for the assumed: line when the user gave none. */
	private static String fromCapture(Capture c, String text, String bootLog) {
		if (c.midr().isEmpty()) {
			return "no CPU in the capture (no boot log line, no cpuinfo) and none given with --midr, --cpu or "
					+ "--cpuinfo";
		}
		String where = text.contains("Booting Linux on physical CPU") ? bootLog : "the capture's cpuinfo";
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

	/** The CPUs of a /proc/cpuinfo as the engine reads them (the first is the boot CPU). */
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
		Parsed<Optional<Cpus>> parsed = Cpus.parseCpuinfo(text);
		Cpus cpus = parsed.value().orElseThrow(() -> new InputException("--cpuinfo " + file + ": "
				+ parsed.problems().get(parsed.problems().size() - 1).reason()));
		String secondaries = cpus.secondaryMidrs().stream().distinct().filter(m -> m != cpus.bootMidr())
				.map(CpuChoice::describe).collect(Collectors.joining(", "));
		String skipped = parsed.problems().stream().map(p -> "line " + p.line() + ": " + p.reason())
				.collect(Collectors.joining("; "));
		return new Cpu(cpus, "CPU " + describe(cpus.bootMidr()) + " from --cpuinfo " + file + " ("
				+ cpus.all().size() + " CPU(s)" + (secondaries.isEmpty() ? "" : "; secondaries also " + secondaries)
				+ (skipped.isEmpty() ? "" : "; " + skipped) + ")");
	}
}
