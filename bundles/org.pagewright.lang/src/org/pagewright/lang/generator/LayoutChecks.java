package org.pagewright.lang.generator;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;
import org.pagewright.lang.DeepStack;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Model;

/**
 * Compiles every series of a layout file (and every platform it is checked on), runs it on the engine, and
 * locates what stops it from passing: compile and run problems, operations at which the kernel would BUG, failed
 * checks, each an error issue on the element as written. The generator, the Maven build and the workbench all
 * judge a file through this class.
 */
public final class LayoutChecks {

	/** Issue code of a check that did not hold or a series that could not be compiled or run. */
	public static final String FAILED = LocatedIssues.GENERATION_FAILED;

	/** One compilation and, if it compiled, its run. */
	public record Run(LayoutCompiler.Compilation compilation, RunResult result, List<Issue> failures) {
	}

	private LayoutChecks() {
	}

	public static List<Run> run(Model model) {
		return DeepStack.call(() -> runOnThisStack(model));
	}

	private static List<Run> runOnThisStack(Model model) {
		SourceElements sources = new SourceElements(model);
		List<Run> runs = new ArrayList<>();
		List<LayoutCompiler.Compilation> compilations;
		try {
			compilations = LayoutCompiler.compile(model);
		} catch (RuntimeException | StackOverflowError e) {
			// a defect, not the user's mistake: still a located one-line error, never a stack trace
			return List.of(new Run(null, null, List.of(InternalErrors.issue(model, "compiling", e))));
		}
		for (LayoutCompiler.Compilation compilation : compilations) {
			if (!compilation.ok()) {
				runs.add(new Run(compilation, null, compilation.problems().stream()
						.map(p -> InFile.of(model, LocatedIssues.error(p.where(), p.message()))).toList()));
				continue;
			}
			try {
				RunResult result = ConfigurationRunner.run(compilation.configuration());
				runs.add(new Run(compilation, result, failuresOf(compilation, result, sources).stream()
						.map(i -> InFile.of(model, i)).toList()));
			} catch (RuntimeException | StackOverflowError e) {
				runs.add(new Run(compilation, null, List.of(InternalErrors.issue(
						compilation.subject() != null ? compilation.subject() : model, "running " + compilation.name(),
						e))));
			}
		}
		return runs;
	}

	public static List<Issue> failures(List<Run> runs) {
		return runs.stream().flatMap(r -> r.failures().stream()).toList();
	}

	private static List<Issue> failuresOf(LayoutCompiler.Compilation compilation, RunResult result,
			SourceElements sources) {
		List<Issue> failures = new ArrayList<>();
		EObject subject = compilation.subject();
		String name = compilation.name();
		result.problems().forEach(p -> failures.add(LocatedIssues.error(subject, name + " could not run: " + p)));
		for (RunResult.Bug bug : result.bugs()) {
			failures.add(LocatedIssues.error(sources.at(bug.operation().source(), subject), "the kernel BUGs on "
					+ revision(bug.patch()) + " of " + name + " in " + bug.phase().getLiteral() + ": "
					+ bug.operation().operation() + ": " + bug.operation().result()));
		}
		for (CheckVerdict v : result.failedChecks()) {
			failures.add(LocatedIssues.error(sources.at(v.source(), subject), "check failed on " + revision(v.patch())
					+ " of " + name + " in " + v.phase().getLiteral() + ": " + v.description() + ": " + v.reason()));
		}
		return failures;
	}

	private static String revision(int patch) {
		return patch == 0 ? "baseline" : "patch " + patch;
	}
}
