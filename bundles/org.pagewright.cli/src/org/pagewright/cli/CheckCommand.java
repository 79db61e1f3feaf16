package org.pagewright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.lang.layout.Checks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Validates layout files and runs their series on the simulator: a located line per failed check (and, with -v,
 * per passed one), compiler-style diagnostics, and a summary. An input that cannot be used is one line; the others
 * still run.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Validate layout files and run their checks.",
				"Prints file:line:col: PASS|FAIL <check> — <reason> per check (passes with -v) and a summary." },
		exitCodeListHeading = "Exit codes:%n",
		exitCodeList = { "0:every check held", "1:a diagnostic or check failed", "2:an input could not be used" })
class CheckCommand extends Subcommand {

	@Parameters(paramLabel = "FILE|DIR", arity = "1..*",
			description = "layout files, or directories meaning every *.layout under them")
	private List<Path> inputs;

	@Option(names = { "-v", "--verbose" }, description = "also print the checks that passed")
	private boolean verbose;

	@Mixin
	private OutputFormat format;

	private int checkedFiles;
	private int passed;
	private int failed;
	private int errors;

	@Override
	public Integer call() {
		PrintWriter out = out();
		PrintWriter err = err();
		LayoutFiles layouts = LayoutFiles.expand(inputs);
		List<String> unusable = new ArrayList<>(layouts.problems());
		JsonArray files = new JsonArray();
		LayoutWorkspace workspace = layouts.files().isEmpty() ? null : new LayoutWorkspace();
		for (Path file : layouts.files()) {
			try {
				files.add(check(workspace.load(file), out));
				checkedFiles++;
			} catch (InputException e) {
				unusable.add(e.getMessage());
			}
		}
		if (format.json()) {
			JsonObject root = new JsonObject();
			root.add("files", files);
			JsonArray inputErrors = new JsonArray();
			unusable.forEach(inputErrors::add);
			root.add("inputErrors", inputErrors);
			root.add("summary", summary(checkedFiles, unusable.size()));
			out.println(OutputFormat.toJson(root));
		} else {
			unusable.forEach(u -> err.println("pagewright-cli: " + u));
			out.println(summaryLine(checkedFiles, unusable.size()));
		}
		out.flush();
		if (!unusable.isEmpty()) {
			return PagewrightCommand.CANNOT_RUN;
		}
		return failed + errors == 0 ? 0 : PagewrightCommand.FAILED;
	}

	/** Prints (text) or collects (JSON) one file's diagnostics and verdicts. */
	private JsonObject check(LayoutWorkspace.Loaded loaded, PrintWriter out) {
		JsonObject file = new JsonObject();
		file.addProperty("file", loaded.file().toString());
		JsonArray diagnostics = new JsonArray();
		JsonArray verdicts = new JsonArray();
		List<Issue> issues = new ArrayList<>(loaded.issues());
		List<LayoutChecks.Run> runs = loaded.run();
		runs.forEach(r -> issues.addAll(r.problems()));
		for (Issue issue : issues) {
			errors += issue.getSeverity() == Severity.ERROR ? 1 : 0;
			if (format.json()) {
				diagnostics.add(Json.diagnostic(loaded.file(), issue));
			} else {
				out.println(LayoutWorkspace.located(loaded.file(), issue));
			}
		}
		// a file without checks would otherwise pass as silently as a good one; one whose checks did not run has errors
		boolean nothingToCheck = loaded.model().getElements().stream()
				.noneMatch(e -> e instanceof Checks checks && !checks.getChecks().isEmpty());
		if (nothingToCheck && !format.json()) {
			out.println(loaded.file() + ": nothing to check: no checks block declares a check");
		}
		file.addProperty("nothingToCheck", nothingToCheck);
		for (LayoutChecks.Run run : runs) {
			for (CheckVerdict v : run.result() == null ? List.<CheckVerdict>of() : run.result().verdicts()) {
				if (v.passed()) {
					passed++;
				} else {
					failed++;
				}
			}
		}
		// located only when printed: a file of 100,000 checks has as many verdicts
		for (LayoutChecks.LocatedVerdict v : LayoutChecks.verdicts(loaded.model(), runs,
				v -> format.json() || verbose || !v.passed())) {
			if (format.json()) {
				verdicts.add(Json.verdict(loaded.file(), v));
			} else {
				out.println(line(loaded.file(), v));
			}
		}
		file.add("diagnostics", diagnostics);
		file.add("verdicts", verdicts);
		return file;
	}

	/**
	 * {@code file:line:col: PASS|FAIL <check> (<subject> <revision>, <phase>) — <reason>}, in the file the check or
	 * step is written in (an imported one for a step of an imported policy).
	 */
	static String line(Path file, LayoutChecks.LocatedVerdict v) {
		return String.format("%s:%d:%d: %s %s (%s %s, %s) — %s", LayoutWorkspace.where(file, v.file()), v.line(), v.column(),
				v.verdict().passed() ? "PASS" : "FAIL", v.verdict().description(), v.subject(),
				Json.revision(v.verdict().patch()), v.verdict().phase().getLiteral(), v.verdict().reason());
	}

	private String summaryLine(int files, int unusable) {
		return String.format("%d file(s): %d check(s), %d passed, %d failed; %d error(s); %d input(s) unusable",
				files, passed + failed, passed, failed, errors, unusable);
	}

	private JsonObject summary(int files, int unusable) {
		JsonObject s = new JsonObject();
		s.addProperty("files", files);
		s.addProperty("checks", passed + failed);
		s.addProperty("passed", passed);
		s.addProperty("failed", failed);
		s.addProperty("errors", errors);
		s.addProperty("inputErrors", unusable);
		return s;
	}
}
