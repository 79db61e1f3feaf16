package org.pagewright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.xtext.diagnostics.Severity;
import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.CaptureInputs;
import org.pagewright.arm64.capture.Parsed;
import org.pagewright.arm64.kernel.KernelBuild;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Writes a layout file from a real kernel's inputs: a capture log, or its parts as separate files. The file is
 * validated before it replaces the output (written atomically), so that check accepts it unchanged.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = { "Write a .layout (platform, image, boot policy) from a kernel capture.",
				"From a capture log, or from --kallsyms/--iomem/--cmdline/--uname [--dmesg] [--cpuinfo|--midr|--cpu]." },
		exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:written", "1:written text would not validate (nothing written)",
				"2:an input cannot be used" })
class ImportCommand extends Subcommand {

	@Parameters(arity = "0..1", paramLabel = "CAPTURE.log", description = "a capture log (as in shared/groundtruth)")
	private Path capture;

	@ArgGroup(exclusive = false)
	private SeparateInputs.Files separate;

	@Mixin
	private CpuChoice cpu;

	@Option(names = { "-o", "--output" }, required = true, paramLabel = "OUT.layout",
			description = "the layout file to write (replaced atomically)")
	private Path output;

	@Override
	public Integer call() throws InputException {
		if ((capture == null) == (separate == null)) {
			throw new InputException("import: give either a CAPTURE.log or --kallsyms, --iomem, --cmdline and "
					+ "--uname");
		}
		if (!output.getFileName().toString().endsWith(LayoutFiles.EXTENSION)) {
			throw new InputException(output + ": the output must be a " + LayoutFiles.EXTENSION + " file");
		}
		PrintWriter err = err();
		Optional<CpuChoice.Cpu> chosen = cpu.chosen();
		String source;
		String text;
		Parsed<Capture> captured;
		String where;
		if (capture != null) {
			CaptureFile file = CaptureFile.read(capture);
			source = capture.getFileName().toString();
			text = file.text();
			captured = file.parsed();
			where = capture.toString();
		} else {
			text = separate.captureText();
			source = separate.describe();
			captured = Capture.parse(text);
			where = "import";
		}
		Parsed<Capture> parsed = chosen.isPresent() ? CpuChoice.withoutCapturedCpu(text) : captured;
		// the separate inputs are no capture: the sections they lack are not a problem worth a line
		parsed.problems().stream().filter(p -> capture != null || !p.reason().startsWith("missing section"))
				.forEach(p -> err.println(where + ":" + p.line() + ": " + p.reason()));
		List<String> assumptions = new ArrayList<>(CpuChoice.assumptions(chosen, captured.value(), text,
				separate == null ? "the capture's boot log" : separate.bootLogName()));
		if (separate != null) {
			assumptions.addAll(separate.assumptions());
		}
		Capture onCpu = parsed.value();
		Parsed<Optional<CaptureInputs>> inputs = CaptureInputs.from(onCpu, KernelBuild::debian,
				chosen.map(CpuChoice.Cpu::cpus));
		inputs.problems().forEach(p -> err.println((capture == null ? "import" : capture.toString()) + ":"
				+ p.line() + ": " + p.reason()));
		if (inputs.value().isEmpty()) {
			throw new InputException("no kernel to import from " + (capture == null ? "the inputs" : capture.toString())
					+ " (see the problems above)");
		}
		assumptions.addAll(inputs.value().get().assumptions());
		CaptureLayout.Result layout = CaptureLayout.write(name(output), source, onCpu, inputs.value().get(),
				assumptions, onCpu.kernelPageTables().isPresent(),
				chosen.map(c -> c.cpus().processors()).orElse(onCpu.cpuinfo()));
		layout.warnings().forEach(w -> err.println("pagewright-cli: warning: " + w));
		return writeChecked(layout.text());
	}

	/** Writes a temporary file beside the output, validates it, and only then moves it over the output. */
	private int writeChecked(String text) throws InputException {
		Path temp = AtomicFile.writeTemporary(output, text);
		try {
			LayoutWorkspace.Loaded loaded = new LayoutWorkspace().load(temp);
			List<String> errors = loaded.issues().stream().filter(i -> i.getSeverity() == Severity.ERROR)
					.map(i -> LayoutWorkspace.located(output, i)).toList();
			if (!errors.isEmpty()) {
				errors.forEach(err()::println);
				err().println("pagewright-cli: " + output + " not written: the imported text does not validate");
				return PagewrightCommand.FAILED;
			}
			AtomicFile.commit(temp, output);
		} finally {
			AtomicFile.discard(temp);
		}
		out().println("wrote " + output);
		out().flush();
		return 0;
	}

	/** The output's base name as an identifier: platform, image, policy and checks are named after it. */
	static String name(Path output) {
		String base = output.getFileName().toString();
		base = base.substring(0, base.length() - LayoutFiles.EXTENSION.length()).replaceAll("[^A-Za-z0-9_]", "_");
		return base.isEmpty() || !Character.isLetter(base.charAt(0)) && base.charAt(0) != '_' ? "k" + base : base;
	}

	static String read(Path file, String option) throws InputException {
		if (!Files.isRegularFile(file)) {
			throw new InputException(option + " " + file + ": no such file");
		}
		try {
			return Files.readString(file, StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			throw new InputException(option + " " + file + ": cannot be read: " + e.getMessage());
		}
	}
}
