package org.pagewright.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.validation.Issue;
import org.pagewright.lang.generator.LayoutChecks;

/** A layout file loaded, validated and run for the subcommands that show its states (run, ptdump, diff, compare). */
record LayoutRuns(LayoutWorkspace.Loaded file, List<LayoutChecks.Run> runs) {

	/** Thrown when the file does not validate or the chosen run did not compile: its diagnostics are printed. */
	static final class NotRunnable extends Exception {
		private static final long serialVersionUID = 1L;

		NotRunnable(String message) {
			super(message);
		}
	}

	static LayoutRuns of(Path path, PrintWriter err) throws InputException, NotRunnable {
		LayoutWorkspace.Loaded file = new LayoutWorkspace().load(path);
		if (!file.valid()) {
			print(file.file(), file.issues(), err);
			throw new NotRunnable(path + " does not validate");
		}
		return new LayoutRuns(file, file.run());
	}

	/** The run the options name, compiled and run; its problems are printed when it could not be. */
	LayoutChecks.Run chosen(StateOptions options, PrintWriter err) throws InputException, NotRunnable {
		LayoutChecks.Run run = options.run(file, runs);
		if (run.result() == null || run.result().revisions().isEmpty()) {
			print(file.file(), run.problems(), err);
			throw new NotRunnable(run.compilation().name() + " could not be compiled or run");
		}
		return run;
	}

	private static void print(Path file, List<Issue> issues, PrintWriter err) {
		issues.forEach(i -> err.println(LayoutWorkspace.located(file, i)));
	}
}
