package org.pagewright.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.CaptureReplay;
import org.pagewright.arm64.capture.Parsed;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Replays a real kernel's capture from its inputs and compares the simulated kernel_page_tables with it. */
@Command(name = "replay", description = "Replay a kernel page-table capture and compare the simulated dump with it.")
class ReplayCommand extends Subcommand {

	@Parameters(paramLabel = "CAPTURE", description = "a capture log (uname, cmdline, kallsyms, iomem, memblock, "
			+ "ID registers, kernel_page_tables)")
	private Path capture;

	@Option(names = "--dump", description = "print the simulated kernel_page_tables")
	private boolean dump;

	@Override
	public Integer call() {
		PrintWriter out = out();
		PrintWriter err = err();
		if (!Files.isRegularFile(capture)) {
			err.println("pagewright-cli: no such file: " + capture);
			return PagewrightCommand.CANNOT_RUN;
		}
		String text;
		try {
			text = Files.readString(capture, StandardCharsets.ISO_8859_1); // console logs are not always UTF-8
		} catch (IOException e) {
			err.println("pagewright-cli: cannot read " + capture + ": " + e.getMessage());
			return PagewrightCommand.CANNOT_RUN;
		}
		Parsed<Capture> parsed = Capture.parse(text);
		parsed.problems().forEach(p -> err.println(capture + ":" + p.line() + ": " + p.reason()));
		if (parsed.value() == null) {
			return PagewrightCommand.CANNOT_RUN;
		}
		Parsed<Optional<CaptureReplay.Result>> replay = CaptureReplay.replay(parsed.value(), List.of());
		replay.problems().forEach(p -> err.println(capture + ":" + p.line() + ": " + p.reason()));
		if (replay.value().isEmpty()) {
			return PagewrightCommand.CANNOT_RUN;
		}
		CaptureReplay.Result result = replay.value().get();
		result.assumptions().forEach(a -> out.println("assumed: " + a));
		if (dump) {
			out.print(result.simulatedDump());
		}
		out.println(capture.getFileName() + ": " + result.summary()
				+ (result.reproduced() ? ", reproduced byte for byte" : ", NOT reproduced"));
		return result.reproduced() ? 0 : PagewrightCommand.FAILED;
	}
}
