package org.pagewright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.pagewright.config.run.OperationOutcome;
import org.pagewright.config.run.PhaseResult;
import org.pagewright.config.run.RevisionResult;
import org.pagewright.config.run.StateView;
import org.pagewright.lang.generator.JsonReport;
import org.pagewright.lang.generator.LayoutChecks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What the workbench's runner view shows, as text: per revision and phase the operations with their results
 * (errno, warnings, BUG with the step's line), the table pages, the ranges changed against the previous
 * revision, and the verdicts of the checks.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
		description = "Run a layout file's series: operations and their results, table pages, verdicts.",
		exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:ran, every check held", "1:a check failed, the kernel BUGs, or the file does not "
				+ "validate", "2:the file or the chosen run cannot be used" })
class RunCommand extends Subcommand {

	@Parameters(paramLabel = "FILE", description = "a .layout file")
	private Path file;

	@Mixin
	private StateOptions state;

	@Option(names = "--after", paramLabel = "N", description = "only the revision after patch N (0 = baseline)")
	private Integer after;

	@Mixin
	private OutputFormat format;

	@Override
	public Integer call() throws InputException, LayoutRuns.NotRunnable {
		PrintWriter out = out();
		LayoutRuns layout = LayoutRuns.of(file, err());
		// without --series and --with: every series and platform the file runs
		List<LayoutChecks.Run> runs = state.series == null && state.with == null ? layout.runs()
				: List.of(layout.chosen(state, err()));
		if (after != null) {
			Integer patch = after;
			List<LayoutChecks.Run> having = runs.stream().filter(r -> r.result() == null
					|| r.result().revision(patch).isPresent()).toList();
			if (having.isEmpty()) {
				StateOptions.revision(runs.get(0), after); // says which revisions there are
			}
			runs = having;
		}
		boolean passed = true;
		JsonArray json = new JsonArray();
		for (LayoutChecks.Run run : runs) {
			if (run.result() == null) {
				run.problems().forEach(i -> err().println(LayoutWorkspace.located(file, i)));
				passed = false;
				continue;
			}
			passed &= run.result().passed();
			if (format.json()) {
				json.add(filtered(JsonReport.tree(run.result())));
			} else {
				print(layout, run, out);
			}
		}
		if (format.json()) {
			JsonObject root = new JsonObject();
			root.addProperty("file", file.toString());
			root.add("runs", json);
			out.println(OutputFormat.toJson(root));
		}
		out.flush();
		return passed ? 0 : PagewrightCommand.FAILED;
	}

	private void print(LayoutRuns layout, LayoutChecks.Run run, PrintWriter out) throws InputException {
		List<LayoutChecks.LocatedVerdict> verdicts = LayoutChecks.verdicts(layout.file().model(), List.of(run));
		out.println("== " + run.compilation().name());
		for (RevisionResult revision : run.result().revisions()) {
			if (after != null && revision.patch() != after) {
				continue;
			}
			out.println(revision.label() + (revision.title() == null ? "" : " \"" + revision.title() + "\""));
			for (PhaseResult phase : revision.phases()) {
				if (state.phase != null && phase.phase() != state.phase()) {
					continue;
				}
				StateView view = run.result().state(revision.patch(), phase.phase()).orElseThrow();
				out.printf("  %s: %d operation(s), %d table page(s)%n", phase.phase().getLiteral(),
						view.phase().outcomes().size(), view.phase().tablePages());
				view.phase().outcomes().forEach(o -> print(o, sourceOf(layout, o.source()), out));
				if (!view.phase().diffToPrevious().isEmpty()) {
					out.println("    against the previous revision:");
					view.phase().diffToPrevious().forEach(d -> out.println("      " + d));
				}
				verdicts.stream().filter(v -> v.verdict().patch() == revision.patch()
						&& v.verdict().phase() == phase.phase())
						.forEach(v -> out.println("    " + CheckCommand.line(file, v)));
			}
		}
	}

	/** {@code origin: operation → result [errno]}, then its warnings; a BUG names the step's line. */
	private static void print(OperationOutcome o, String source, PrintWriter out) {
		out.printf("    %s%s: %s -> %s%s%n", o.bug() ? "BUG " : "", o.origin(), o.operation(), o.result(),
				o.errno() == 0 ? "" : " (" + o.errno() + ")");
		if (o.bug() && source != null) {
			out.println("      at " + source);
		}
		o.warnings().forEach(w -> out.println("      warning: " + w));
	}

	/**
	 * The compiled source "name.layout:line" with the file named as the user named the checked one (the checked file
	 * or one it imports), so that a terminal or editor can open it.
	 */
	private String sourceOf(LayoutRuns layout, String source) {
		int colon = source == null ? -1 : source.lastIndexOf(':');
		if (colon < 0) {
			return source;
		}
		String name = source.substring(0, colon);
		return layout.file().model().eResource().getResourceSet().getResources().stream()
				.filter(r -> name.equals(r.getURI().lastSegment())).findFirst()
				.map(r -> LayoutWorkspace.where(file, r.getURI()) + source.substring(colon)).orElse(source);
	}

	/** The report restricted to --after and --phase. */
	private JsonObject filtered(JsonObject report) throws InputException {
		String phase = state.phase == null ? null : state.phase().getLiteral();
		JsonArray revisions = new JsonArray();
		for (var r : report.getAsJsonArray("revisions")) {
			JsonObject revision = r.getAsJsonObject();
			if (after != null && revision.get("patch").getAsInt() != after) {
				continue;
			}
			if (phase != null) {
				JsonArray phases = new JsonArray();
				revision.getAsJsonArray("phases").forEach(p -> {
					if (p.getAsJsonObject().get("phase").getAsString().equals(phase)) {
						phases.add(p);
					}
				});
				revision.add("phases", phases);
				JsonArray verdicts = new JsonArray();
				revision.getAsJsonArray("verdicts").forEach(v -> {
					if (v.getAsJsonObject().get("phase").getAsString().equals(phase)) {
						verdicts.add(v);
					}
				});
				revision.add("verdicts", verdicts);
			}
			revisions.add(revision);
		}
		report.add("revisions", revisions);
		return report;
	}
}
