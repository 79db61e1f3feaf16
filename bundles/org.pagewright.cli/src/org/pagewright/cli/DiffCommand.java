package org.pagewright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.pagewright.config.run.PtdumpDiff;
import org.pagewright.config.run.StateView;
import org.pagewright.lang.generator.LayoutChecks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The ptdump-level difference between two revisions of a series, as a unified diff. */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = "Unified diff of the kernel_page_tables of two revisions (same phase).",
		exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:the dumps are equal", "1:they differ, or the file does not validate",
				"2:the file or the chosen states cannot be used" })
class DiffCommand extends Subcommand {

	@Parameters(paramLabel = "FILE", description = "a .layout file")
	private Path file;

	@Mixin
	private StateOptions state;

	@Option(names = "--from", required = true, paramLabel = "N", description = "the revision after patch N (0 = baseline)")
	private int from;

	@Option(names = "--to", required = true, paramLabel = "M", description = "the revision after patch M")
	private int to;

	@Option(names = { "-U", "--unified" }, defaultValue = "3", paramLabel = "LINES",
			description = "lines of context (default 3)")
	private int context;

	@Mixin
	private OutputFormat format;

	@Override
	public Integer call() throws InputException, LayoutRuns.NotRunnable {
		LayoutChecks.Run run = LayoutRuns.of(file, err()).chosen(state, err());
		StateView before = state.state(run, from);
		StateView after = state.state(run, to);
		List<String> unified = PtdumpDiff.unified(before, after, context);
		PrintWriter out = out();
		if (format.json()) {
			JsonObject root = new JsonObject();
			root.add("from", Json.state(file, before));
			root.add("to", Json.state(file, after));
			root.addProperty("identical", unified.isEmpty());
			JsonArray changes = new JsonArray();
			for (PtdumpDiff.Row row : PtdumpDiff.changes(before, after)) {
				JsonObject o = new JsonObject();
				o.addProperty("change", row.change().name().toLowerCase());
				o.addProperty("before", row.before());
				o.addProperty("after", row.after());
				changes.add(o);
			}
			root.add("changes", changes);
			JsonArray lines = new JsonArray();
			unified.forEach(lines::add);
			root.add("unified", lines);
			out.println(OutputFormat.toJson(root));
		} else {
			unified.forEach(out::println);
		}
		out.flush();
		return unified.isEmpty() ? 0 : PagewrightCommand.FAILED;
	}
}
