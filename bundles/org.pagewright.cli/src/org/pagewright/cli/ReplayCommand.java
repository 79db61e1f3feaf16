package org.pagewright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.CaptureReplay;
import org.pagewright.arm64.capture.Parsed;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Replays a real kernel's capture from its inputs and compares the simulated kernel_page_tables with it. */
@Command(name = "replay", mixinStandardHelpOptions = true,
		description = { "Replay a kernel page-table capture and compare the simulated dump with it.",
				"The CPU (from the capture, or --midr/--cpu/--cpuinfo) decides BBML2/BBML3, KPTI and errata." },
		exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:reproduced byte for byte", "1:not reproduced", "2:the capture cannot be used" })
class ReplayCommand extends Subcommand {

	@Parameters(paramLabel = "CAPTURE", description = "a capture log (uname, cmdline, kallsyms, iomem, memblock, "
			+ "ID registers, kernel_page_tables)")
	private Path capture;

	@Mixin
	private CpuChoice cpu;

	@Option(names = "--dump", description = "print the simulated kernel_page_tables")
	private boolean dump;

	@Mixin
	private OutputFormat format;

	@Override
	public Integer call() throws InputException {
		PrintWriter out = out();
		PrintWriter err = err();
		CaptureFile file = CaptureFile.read(capture);
		Optional<CpuChoice.Cpu> chosen = cpu.chosen();
		Parsed<Capture> parsed = chosen.isPresent() ? CpuChoice.withoutCapturedCpu(file.text()) : file.parsed();
		parsed.problems().forEach(p -> err.println(file.located(p)));
		List<String> assumptions = new ArrayList<>(CpuChoice.assumptions(chosen, file.parsed().value(), file.text()));
		Parsed<Optional<CaptureReplay.Result>> replay = CaptureReplay.replay(parsed.value(), List.of(),
				chosen.map(CpuChoice.Cpu::cpus));
		replay.problems().forEach(p -> err.println(file.located(p)));
		if (replay.value().isEmpty()) {
			throw new InputException(capture + ": cannot be replayed (see the problems above)");
		}
		CaptureReplay.Result result = replay.value().get();
		assumptions.addAll(result.assumptions());
		if (format.json()) {
			out.println(OutputFormat.toJson(json(result, assumptions)));
		} else {
			assumptions.forEach(a -> out.println("assumed: " + a));
			if (dump) {
				out.print(result.simulatedDump());
			}
			out.println(capture.getFileName() + ": " + result.summary() + ", " + result.dumpSummary()
					+ (result.reproduced() ? ": reproduced byte for byte" : ": NOT reproduced"));
		}
		out.flush();
		return result.reproduced() ? 0 : PagewrightCommand.FAILED;
	}

	/**
	 * {@code {capture, assumptions, reproduced, summary, linear: PART, image: PART, wholeDump: PART + observedLines,
	 * dump?}} with PART = {@code {captured, simulated, matched}}.
	 */
	private JsonObject json(CaptureReplay.Result result, List<String> assumptions) {
		JsonObject root = new JsonObject();
		root.addProperty("capture", capture.toString());
		JsonArray assumed = new JsonArray();
		assumptions.forEach(assumed::add);
		root.add("assumptions", assumed);
		root.addProperty("reproduced", result.reproduced());
		root.addProperty("summary", result.summary());
		root.addProperty("dumpSummary", result.dumpSummary());
		root.add("linear", part(result.expectedLinear(), result.actualLinear()));
		root.add("image", part(result.expectedImage(), result.actualImage()));
		JsonObject whole = part(result.expectedDump(), result.actualDump());
		whole.addProperty("observedLines", result.observedLines());
		root.add("wholeDump", whole);
		if (dump) {
			root.addProperty("dump", result.simulatedDump());
		}
		return root;
	}

	private static JsonObject part(List<String> expected, List<String> actual) {
		JsonObject o = new JsonObject();
		JsonArray e = new JsonArray();
		expected.forEach(e::add);
		JsonArray a = new JsonArray();
		actual.forEach(a::add);
		o.add("captured", e);
		o.add("simulated", a);
		o.addProperty("matched", expected.stream().filter(actual::contains).count());
		return o;
	}
}
