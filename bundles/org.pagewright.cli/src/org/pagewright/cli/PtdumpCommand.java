package org.pagewright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.pagewright.config.run.StateView;
import org.pagewright.lang.generator.LayoutChecks;

import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The state's /sys/kernel/debug/kernel_page_tables exactly as the kernel prints it. */
@Command(name = "ptdump", mixinStandardHelpOptions = true,
		description = "Print a state's kernel_page_tables as the kernel prints it.",
		exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:printed", "1:the file does not validate or the run could not be compiled",
				"2:the file or the chosen state cannot be used" })
class PtdumpCommand extends Subcommand {

	@Parameters(paramLabel = "FILE", description = "a .layout file")
	private Path file;

	@Mixin
	private StateOptions state;

	@Mixin
	private AfterPatch after;

	@Mixin
	private OutputFormat format;

	@Override
	public Integer call() throws InputException, LayoutRuns.NotRunnable {
		LayoutChecks.Run run = LayoutRuns.of(file, err()).chosen(state, err());
		StateView view = state.state(run, after.patch);
		PrintWriter out = out();
		if (format.json()) {
			JsonObject root = Json.state(file, view);
			root.add("rows", Json.rows(view.ptdumpRows()));
			out.println(OutputFormat.toJson(root));
		} else {
			out.print(view.phase().ptdump());
		}
		out.flush();
		return 0;
	}
}
