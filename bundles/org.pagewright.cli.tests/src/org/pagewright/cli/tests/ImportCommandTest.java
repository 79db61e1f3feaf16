package org.pagewright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.CaptureLog;
import org.pagewright.arm64.capture.CaptureReplay;
import org.pagewright.arm64.capture.KernelPageTablesText;
import org.pagewright.arm64.capture.Section;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * {@code import}: a capture (or its parts) becomes a layout file that check accepts unchanged and whose ptdump is the
 * replay's simulated dump, for every groundtruth capture; bad inputs are one line, and the output is never half
 * written.
 */
class ImportCommandTest {

	@TempDir
	Path dir;

	static Stream<String> captures() {
		return Stream.of(Cli.CAPTURES);
	}

	@ParameterizedTest
	@MethodSource("captures")
	void anImportedCaptureChecksUnchangedAndItsPtdumpIsTheReplays(String name) throws IOException {
		Path capture = Cli.capture(name, dir);
		Path layout = dir.resolve(name + ".layout");

		Cli.Result imported = Cli.run("import", capture.toString(), "-o", layout.toString());
		Cli.Result checked = Cli.run("check", layout.toString());
		Cli.Result ptdump = Cli.run("ptdump", layout.toString());

		assertEquals(0, imported.exit(), imported::toString);
		assertEquals("wrote " + layout + "\n", imported.out());
		assertEquals(0, checked.exit(), checked::toString);
		assertTrue(checked.out().contains("1 file(s): 1 check(s), 1 passed, 0 failed; 0 error(s)"), checked::toString);
		// the real cmdline's console= is kept as a comment, not written as a word the check would warn about
		assertTrue(read(layout).contains("\n  // cmdline words that do not change kernel mappings: console=ttyAMA0\n"
				+ "  cmdline nokaslr\n"), () -> read(layout));
		assertFalse(checked.out().contains("does not change kernel mappings"), checked::toString);
		assertEquals(0, ptdump.exit(), ptdump::toString);
		CaptureReplay.Result replay = replay(capture);
		// the whole dump: the boot's recipes with the platform's FDT, PCI I/O and KFENCE pool, and the run-time
		// content written as observed (and 6.1's trampoline, whose symbols its kallsyms lacks: see below)
		assertEquals(replay.simulatedDump(), ptdump.out());
	}

	@Test
	void aCaptureWithoutTheTrampolineSymbolsHasItsFixmapPagesWrittenAsObserved() throws IOException {
		Path layout = dir.resolve("k61.layout");

		Cli.Result r = Cli.run("import", Cli.capture("k61-max-1G-nokaslr", dir).toString(), "-o", layout.toString());

		assertEquals(0, r.exit(), r::toString);
		assertTrue(r.err().contains("kallsyms lacks __entry_tramp_text_start/_end: the Fixmap's trampoline is written "
				+ "as observed"), r::toString);
		// FIX_ENTRY_TRAMP_TEXT1..3 (ROX) and the data page (RO) of the k61 dump's Fixmap
		assertTrue(Files.readString(layout).contains("    observed [0xfffffbfffdbf6000, +12K) level 3 phys "),
				() -> read(layout));
	}

	@ParameterizedTest
	@MethodSource("captures")
	void onEveryCaptureOfThisKernelEveryJudgedLineOfTheImportedLayoutAgrees(String name) throws IOException {
		Path capture = Cli.capture(name, dir);
		Path layout = dir.resolve(name + ".layout");
		assertEquals(0, Cli.run("import", capture.toString(), "-o", layout.toString()).exit());

		Cli.Result compared = Cli.run("compare", capture.toString(), layout.toString());

		// every capture agrees line for line (6.1's linear map too: its 8K read-only island aliases module pages
		// the module area now maps read-write, an observed set_memory_ro of their alias)
		assertEquals(0, compared.exit(), compared::toString);
		assertTrue(compared.out().contains("10 of 10 section(s) agree"), compared::toString);
		assertTrue(compared.out().contains("line(s) of run-time content (modules, vmalloc) not compared"),
				compared::toString);
	}

	@Test
	void onABlockSplittingCpuTheRunTimeReadOnlyPagesSplitTheLinearMapAsInTheReplay() throws IOException {
		Path capture = Cli.capture("k73-max-1G-nokaslr", dir);
		Path layout = dir.resolve("k73x4.layout");

		Cli.Result imported = Cli.run("import", capture.toString(), "--cpu", "cortex-x4:r0p3", "-o", layout.toString());
		Cli.Result checked = Cli.run("check", layout.toString());
		Cli.Result ptdump = Cli.run("ptdump", layout.toString());
		Cli.Result replay = Cli.run("replay", capture.toString(), "--cpu", "cortex-x4:r0p3", "--dump", "--format",
				"json");

		assertEquals(0, imported.exit(), imported::toString);
		// the chosen CPU is written as its MIDR, by which 7.3's allow-list gives it BBML3
		assertTrue(Files.readString(layout).contains("  cpu lpa2\n  cpu 0 midr 0x410fd823\n"), () -> read(layout));
		assertTrue(Files.readString(layout).contains("    vmalloc_ro_1: set_memory_ro vmalloc_backed "
				+ "[0xfff00000061ac000, +4K)"), () -> read(layout));
		// BBML3 keeps blocks: the 4K read-only islands split them (an update_mapping_prot there would BUG)
		assertEquals(0, checked.exit(), checked::toString);
		JsonArray linear = replay.json().getAsJsonObject("linear").getAsJsonArray("simulated");
		assertEquals(linear.asList().stream().map(JsonElement::getAsString).toList(),
				KernelPageTablesText.parse(Section.of("imported", ptdump.out())).value().block("Linear Mapping start")
						.orElseThrow().lines().stream().map(KernelPageTablesText.RangeLine::text).toList());
		assertTrue(linear.asList().stream().anyMatch(l -> l.getAsString().contains(" PMD ")), linear::toString);
	}

	@Test
	void derivedSymbolsSayHowAndTheCpuSaysWhereItCameFrom() throws IOException {
		Path layout = dir.resolve("k61.layout");

		Cli.Result r = Cli.run("import", Cli.capture("k61-max-1G-nokaslr", dir).toString(), "-o", layout.toString());

		assertEquals(0, r.exit(), r::toString);
		String text = Files.readString(layout);
		// 6.1's kallsyms lacks _text: derived as the replay derives it
		assertTrue(text.contains("  symbol _text = 0xffff800008000000  // derived: _text = _stext - SEGMENT_ALIGN"),
				text);
		assertTrue(text.contains("  symbol _stext = 0xffff800008010000\n"), "taken as kallsyms gives it: " + text);
		assertTrue(text.contains("// assumed: CPU MIDR_EL1 0x000f0510 (qemu-max r0p0) from the capture's boot log"),
				text);
		assertTrue(text.contains("  dram ram0 at 0x40000000 size 1G\n"), text);
		assertTrue(text.contains("  kernel 6.1.192\n"), text);
	}

	@Test
	void separateInputFilesImportToTheSameImageAsTheWholeCapture() throws IOException {
		Path capture = Cli.capture("k73-max-1G-nokaslr", dir);
		CaptureLog log = log(capture);
		Path kallsyms = part(log, "kallsyms");
		Path iomem = part(log, "iomem");
		Path cpuinfo = part(log, "cpuinfo");
		// as a shell reads it from the serial log's CRLF lines: a control character must not end a comment early
		String uname = log.section("uname").orElseThrow().lines().get(0) + "\r";
		Path whole = dir.resolve("whole.layout");
		Path parts = dir.resolve("parts.layout");

		importWholeAndParts(capture, whole, parts, "--kallsyms", kallsyms.toString(), "--iomem", iomem.toString(),
				"--cmdline", "console=ttyAMA0 nokaslr", "--uname", uname, "--va-bits", "52", "--vabits-actual", "52",
				"--cpuinfo", cpuinfo.toString());

		// the FDT and the PCI I/O window come from the log's hardware walk and dmesg, which separate files lack
		// and the log's cpuinfo comments (its kernel log decides BBML3); the chosen --cpuinfo CPU is a MIDR line
		assertEquals(block("platform", whole).replaceAll("\n  (fdt|pci_io) at [^\n]*|\n  // cpuinfo[ :][^\n]*", ""),
				block("platform", parts).replace("\n  cpu 0 midr 0x000f0510", ""));
		assertTrue(block("platform", parts).contains("  cpu lpa2\n  cpu 0 midr 0x000f0510\n"), () -> read(parts));
		assertEquals(block("image", whole), block("image", parts));
		assertTrue(Files.readString(parts).contains("// assumed: CPU MIDR_EL1 0x000f0510 (qemu-max r0p0) from "
				+ "--cpuinfo " + cpuinfo + " (1 CPU(s))"), () -> read(parts)); // the capture cut the second CPU short
		Cli.Result checked = Cli.run("check", parts.toString());
		assertEquals(0, checked.exit(), checked::toString);
	}

	/**
	 * The kernel log given with the separate files (--dmesg) decides what they cannot: its "detected: 52-bit Virtual
	 * Addressing" says the build is 52-bit and runs at 52 bits, and its PCI host bridge lines give the I/O window, so
	 * the platform is the whole capture's but for the FDT (which only the hardware walk shows).
	 */
	@Test
	void aKernelLogBesideTheSeparateFilesGivesThe52BitVasAndThePciIoWindow() throws IOException {
		Path capture = Cli.capture("k73-max-1G-nokaslr", dir);
		CaptureLog log = log(capture);
		Path kallsyms = part(log, "kallsyms");
		Path iomem = part(log, "iomem");
		Path dmesg = part(log, "dmesg_full");
		String uname = log.section("uname").orElseThrow().lines().get(0);
		Path whole = dir.resolve("whole.layout");
		Path parts = dir.resolve("parts.layout");

		importWholeAndParts(capture, whole, parts, "--kallsyms", kallsyms.toString(), "--iomem", iomem.toString(),
				"--cmdline", "console=ttyAMA0 nokaslr", "--uname", uname, "--dmesg", dmesg.toString());

		// the log's cpuinfo comments: no --cpuinfo was given
		assertEquals(block("platform", whole).replaceAll("\n  fdt at [^\n]*|\n  // cpuinfo[ :][^\n]*", ""),
				block("platform", parts));
		assertTrue(block("platform", parts).contains("\n  pci_io at "), () -> read(parts));
		String text = Files.readString(parts);
		assertTrue(text.contains("// assumed: CONFIG_ARM64_VA_BITS=52: the kernel log says 'CPU features: detected: "
				+ "52-bit Virtual Addressing', which only 52-bit builds detect\n"), text);
		assertTrue(text.contains("// assumed: vabits_actual=52: the kernel log says it detected 52-bit Virtual "
				+ "Addressing\n"), text);
		assertTrue(text.contains("// assumed: CPU MIDR_EL1 0x000f0510 (qemu-max r0p0) from --dmesg " + dmesg + "\n"),
				text);
		assertTrue(text.contains("// assumed: vabits_actual=52 but without ID registers the rule gives 48: the observed "
				+ "value is followed (LPA2 used)\n"), text);
		assertFalse(text.contains("no kernel log"), text);
		assertEquals(block("image", whole), block("image", parts));
	}

	/**
	 * From 6.9 vabits_actual is a variable only in 52-bit builds: a whole /proc/kallsyms that has it says the build is
	 * 52-bit where no log line can (the a57 capture runs its 52-bit build at 48 bits); 6.1 has it in every build.
	 */
	@ParameterizedTest
	@CsvSource({ "k612-a57-1G-nokaslr, 52", "k61-max-1G-nokaslr, 48" })
	void aVabitsActualInKallsymsIsA52BitBuildFrom69On(String name, int vaBits) throws IOException {
		Path capture = Cli.capture(name, dir);
		CaptureLog log = log(capture);
		List<String> symbols = new ArrayList<>(log.section("kallsyms").orElseThrow().lines());
		// a line of the whole file, which the capture's section-symbol excerpt lacks
		symbols.add(symbols.get(symbols.size() - 1).replaceFirst(" [A-Za-z] \\S+$", " D vabits_actual"));
		Path kallsyms = Files.write(dir.resolve("kallsyms"), symbols);
		Path iomem = part(log, "iomem");
		Path dmesg = part(log, "dmesg_full");
		Path whole = dir.resolve("whole.layout");
		Path parts = dir.resolve("parts.layout");

		importWholeAndParts(capture, whole, parts, "--kallsyms", kallsyms.toString(), "--iomem", iomem.toString(),
				"--cmdline", String.join(" ", log.section("cmdline").orElseThrow().lines()).trim(), "--uname",
				log.section("uname").orElseThrow().lines().get(0), "--dmesg", dmesg.toString());

		assertTrue(block("platform", parts).contains("\n  va_bits " + vaBits + "\n"), () -> read(parts));
		assertEquals(vaBits == 52, read(parts).contains("// assumed: CONFIG_ARM64_VA_BITS=52: kallsyms has "
				+ "vabits_actual, which 6.12.117 defines only in 52-bit builds (memory.h)\n"), () -> read(parts));
		// but for the FDT, the capture's cpuinfo (MIDRs) and ID registers (6.1's cpu lpa2), which the parts lack
		assertEquals(block("platform", whole).replaceAll("\n  (fdt at|cpu 0 midr|cpu lpa2|// cpuinfo[ :])[^\n]*", ""),
				block("platform", parts));
	}

	@Test
	void withoutAKernelLogTheSeparateFilesSayThePciIoWindowIsUnknown() throws IOException {
		Path capture = Cli.capture("k612-max-1G-nokaslr", dir);
		CaptureLog log = log(capture);
		Path kallsyms = part(log, "kallsyms");
		Path iomem = part(log, "iomem");
		Path parts = dir.resolve("parts.layout");

		Cli.Result fromParts = Cli.run("import", "--kallsyms", kallsyms.toString(), "--iomem", iomem.toString(),
				"--cmdline", "nokaslr", "--uname", log.section("uname").orElseThrow().lines().get(0), "--va-bits",
				"52", "-o", parts.toString());

		assertEquals(0, fromParts.exit(), fromParts::toString);
		String text = Files.readString(parts);
		assertTrue(text.contains("// assumed: no kernel log: no PCI host's I/O window known, PCI I/O left unmapped\n"),
				text);
		assertFalse(block("platform", parts).contains("pci_io"), text);
	}

	@Test
	void aKernelLogOf52BitVasContradictingVaBits48IsRefused() throws IOException {
		Path capture = Cli.capture("k73-max-1G-nokaslr", dir);
		CaptureLog log = log(capture);
		Path kallsyms = part(log, "kallsyms");
		Path iomem = part(log, "iomem");
		Path dmesg = part(log, "dmesg_full");
		Path parts = dir.resolve("parts.layout");

		Cli.Result r = Cli.run("import", "--kallsyms", kallsyms.toString(), "--iomem", iomem.toString(), "--cmdline",
				"nokaslr", "--uname", log.section("uname").orElseThrow().lines().get(0), "--dmesg", dmesg.toString(),
				"--va-bits", "48", "-o", parts.toString());

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: --va-bits 48: the kernel log (--dmesg " + dmesg + ") says the kernel detected "
				+ "52-bit Virtual Addressing, which only 52-bit builds do\n", r.err());
		assertFalse(Files.exists(parts));
	}

	/**
	 * With a kernel log that can state the block-split capability (7.3: "detected: BBM Level 3"), the log decides and
	 * cpuinfo's MIDRs are a comment; before 6.18 no log line can, and CPU 0's MIDR is written as a line.
	 */
	@ParameterizedTest
	@CsvSource({ "k61-max-1G-nokaslr, false", "k612-max-1G-nokaslr, false", "k612-a57-1G-nokaslr, false",
			"k73-max-1G-nokaslr, true" })
	void theCapturesCpuinfoMidrsAreWrittenAsLinesUnlessTheLogDecides(String name, boolean logDecides)
			throws IOException {
		Path capture = Cli.capture(name, dir);
		Path layout = dir.resolve(name + ".layout");

		Cli.Result imported = Cli.run("import", capture.toString(), "-o", layout.toString());

		assertEquals(0, imported.exit(), imported::toString);
		String platform = block("platform", layout);
		List<String> cpuinfo = cpuinfo(Files.readString(capture, StandardCharsets.ISO_8859_1));
		// these captures cut cpuinfo short after CPU 1's first lines: CPU 0's MIDR only
		assertEquals("CPU 1", cpuinfo.get(1), cpuinfo::toString);
		String cpu0 = cpuinfo.get(0).replace("CPU ", "cpu ");
		if (logDecides) {
			assertTrue(platform.contains("\n  // cpuinfo: " + cpuinfo.get(0) + "; the log's \"detected: BBM Level 3\" "
					+ "line decides (absent)\n"), platform);
			assertFalse(platform.contains("\n  " + cpu0), platform);
		} else {
			assertTrue(platform.contains("\n  " + cpu0 + "\n"), platform);
			assertFalse(platform.contains("// cpuinfo: "), platform);
		}
		assertTrue(platform.contains("\n  // cpuinfo gives no MIDR for CPU(s) 1 (its block lacks a field): not written"),
				platform);
	}

	/**
	 * Without a kernel log, cpuinfo's MIDRs decide: consecutive CPUs of one MIDR are one line, the check accepts the
	 * file and its ptdump is still the replay's (k73: a 7.3 kernel, whose capability the MIDRs then decide).
	 */
	@ParameterizedTest
	@CsvSource({ "k612-a57-1G-nokaslr, 0x41, 0x0, 0xd03, 4", "k73-max-1G-nokaslr, 0x41, 0x1, 0xd07, 0" })
	void withoutAKernelLogEachCpusMidrIsWrittenGrouped(String name, String implementer, String variant,
			String part, String revision) throws IOException {
		String text = Files.readString(Cli.capture(name, dir), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
		String block0 = text.substring(text.indexOf("processor\t: 0\n"), text.indexOf("\n\nprocessor\t: 1\n"));
		String other = block0.replaceAll("CPU implementer\t: \\S+", "CPU implementer\t: " + implementer)
				.replaceAll("CPU variant\t: \\S+", "CPU variant\t: " + variant)
				.replaceAll("CPU part\t: \\S+", "CPU part\t: " + part)
				.replaceAll("CPU revision\t: \\S+", "CPU revision\t: " + revision);
		String cpus = String.join("\n\n", block0, block0.replace(": 0\n", ": 1\n"), other.replace(": 0\n", ": 2\n"),
				other.replace(": 0\n", ": 3\n"));
		text = text.replaceFirst("(?s)(===== BEGIN cpuinfo =====\n).*?(\n===== END cpuinfo =====)",
				"$1" + Matcher.quoteReplacement(cpus) + "$2")
				.replaceAll("Booting Linux on physical CPU [^\n]*", ""); // no kernel log (line numbers kept)
		Path capture = Files.writeString(dir.resolve("nolog.log"), text, StandardCharsets.ISO_8859_1);
		Path layout = dir.resolve("nolog.layout");

		Cli.Result imported = Cli.run("import", capture.toString(), "-o", layout.toString());
		Cli.Result checked = Cli.run("check", layout.toString());
		Cli.Result ptdump = Cli.run("ptdump", layout.toString());

		assertEquals(0, imported.exit(), imported::toString);
		List<String> cpuinfo = cpuinfo(text);
		assertEquals(4, cpuinfo.size(), cpuinfo::toString);
		assertEquals(cpuinfo.get(0).substring(6), cpuinfo.get(1).substring(6));
		assertEquals(cpuinfo.get(2).substring(6), cpuinfo.get(3).substring(6));
		String platform = block("platform", layout);
		assertTrue(platform.contains("\n  cpus 0-1 " + cpuinfo.get(0).substring(6) + "\n  cpus 2-3 "
				+ cpuinfo.get(2).substring(6) + "\n"), platform);
		assertFalse(platform.contains("bbml"), platform);
		assertEquals(0, checked.exit(), checked::toString);
		assertTrue(checked.out().contains("1 passed, 0 failed; 0 error(s)"), checked::toString);
		assertEquals(replay(capture).simulatedDump(), ptdump.out());
	}

	/** Each processor block of a capture's cpuinfo: "CPU n midr 0x…" (cpuinfo.c c_show's fields), or "CPU n". */
	private static List<String> cpuinfo(String log) {
		String capture = log.replace("\r\n", "\n");
		String section = capture.substring(capture.indexOf("===== BEGIN cpuinfo =====\n"),
				capture.indexOf("===== END cpuinfo ====="));
		List<String> out = new ArrayList<>();
		for (String block : section.split("\n(?=processor\\s*:)")) {
			Matcher cpu = Pattern.compile("^processor\\s*:\\s*(\\d+)", Pattern.MULTILINE).matcher(block);
			if (!cpu.find()) {
				continue;
			}
			long[] f = new long[4];
			boolean whole = true;
			String[] names = { "implementer", "variant", "part", "revision" };
			for (int i = 0; i < names.length; i++) {
				Matcher m = Pattern.compile("^CPU " + names[i] + "\\s*:\\s*(\\S+)$", Pattern.MULTILINE).matcher(block);
				whole &= m.find();
				f[i] = whole ? Long.decode(m.group(1)) : 0;
			}
			// MIDR_EL1: implementer [31:24], variant [23:20], architecture 0xf [19:16], part [15:4], revision [3:0]
			out.add("CPU " + cpu.group(1) + (whole ? String.format(" midr 0x%08x", f[0] << 24 | f[1] << 20 | 0xf << 16
					| f[2] << 4 | f[3]) : ""));
		}
		return out;
	}

	@Test
	void importingAMissingFileSaysSoWithExitTwoAndWritesNothing() {
		Path layout = dir.resolve("out.layout");

		Cli.Result r = Cli.run("import", dir.resolve("k99.log").toString(), "-o", layout.toString());

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + dir.resolve("k99.log") + ": no such file\n", r.err());
		assertFalse(Files.exists(layout));
	}

	@Test
	void anUnreadableCaptureLeavesTheOutputAsItWas() throws IOException {
		Path notes = Files.writeString(dir.resolve("notes.log"), "===== BEGIN cmdline =====\nnokaslr\n"
				+ "===== END cmdline =====\n"); // a capture of one section
		Path layout = Files.writeString(dir.resolve("out.layout"), "// the previous import\n");
		Path text = Files.writeString(dir.resolve("text.log"), "just some notes\n");

		Cli.Result r = Cli.run("import", notes.toString(), "-o", layout.toString());
		Cli.Result noCapture = Cli.run("import", text.toString(), "-o", layout.toString());

		assertEquals(2, noCapture.exit(), noCapture::toString);
		assertEquals("pagewright-cli: " + text + ": not a capture log: no '===== BEGIN name =====' section in it\n",
				noCapture.err());
		Files.delete(text);
		assertEquals(2, r.exit(), r::toString);
		assertTrue(r.err().contains(notes + ":0: missing section 'uname'"), r::toString);
		assertTrue(r.err().endsWith("pagewright-cli: no kernel to import from " + notes + " (see the problems "
				+ "above)\n"), r::toString);
		assertFalse(r.err().contains("Exception"), r::toString);
		assertEquals("// the previous import\n", Files.readString(layout));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of("notes.log", "out.layout"), files.map(p -> p.getFileName().toString()).sorted()
					.toList(), "no temporary file is left behind");
		}
	}

	@Test
	void aCaptureAndSeparateFilesTogetherOrNeitherIsAUsageError() throws IOException {
		Cli.Result neither = Cli.run("import", "-o", dir.resolve("x.layout").toString());
		Cli.Result halfParts = Cli.run("import", "--kallsyms", "k", "-o", dir.resolve("x.layout").toString());

		assertEquals(2, neither.exit(), neither::toString);
		assertTrue(neither.err().contains("give either a CAPTURE.log or --kallsyms, --iomem, --cmdline and --uname"),
				neither::toString);
		assertEquals(2, halfParts.exit(), halfParts::toString);
		assertTrue(halfParts.err().contains("Missing required argument"), halfParts::toString);
	}

	@Test
	void theOutputMustBeALayoutFile() throws IOException {
		Cli.Result r = Cli.run("import", Cli.capture("k73-max-1G-nokaslr", dir).toString(), "-o",
				dir.resolve("k73.txt").toString());

		assertEquals(2, r.exit(), r::toString);
		assertEquals("pagewright-cli: " + dir.resolve("k73.txt") + ": the output must be a .layout file\n", r.err());
	}

	private static CaptureReplay.Result replay(Path capture) throws IOException {
		Capture c = Capture.parse(Files.readString(capture, StandardCharsets.ISO_8859_1)).value();
		return CaptureReplay.replay(c, List.of()).value().orElseThrow();
	}

	/** The body of the first platform or image block of a layout file. */
	/** The capture log's sections, as the separate inputs are made of them. */
	/** Imports the capture whole into {@code whole} and from separate files (these options) into {@code parts}. */
	private static void importWholeAndParts(Path capture, Path whole, Path parts, String... separateFiles) {
		List<String> fromParts = new ArrayList<>(List.of("import"));
		fromParts.addAll(List.of(separateFiles));
		fromParts.addAll(List.of("-o", parts.toString()));

		Cli.Result wholeImport = Cli.run("import", capture.toString(), "-o", whole.toString());
		Cli.Result partsImport = Cli.run(fromParts.toArray(String[]::new));

		assertEquals(0, wholeImport.exit(), wholeImport::toString);
		assertEquals(0, partsImport.exit(), partsImport::toString);
	}

	private static CaptureLog log(Path capture) throws IOException {
		return CaptureLog.parse(Files.readString(capture, StandardCharsets.ISO_8859_1)).value();
	}

	/** One section of the capture as the file a machine would give (/proc/iomem, dmesg …). */
	private Path part(CaptureLog log, String section) throws IOException {
		return Files.write(dir.resolve(section), log.section(section).orElseThrow().lines());
	}

	private static String block(String keyword, Path layout) throws IOException {
		String text = Files.readString(layout);
		int start = text.indexOf("\n" + keyword + " ");
		return text.substring(text.indexOf('{', start), text.indexOf("\n}", start));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			return e.toString();
		}
	}

}
