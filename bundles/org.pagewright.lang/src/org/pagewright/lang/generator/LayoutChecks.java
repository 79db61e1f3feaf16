package org.pagewright.lang.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.util.LineAndColumn;
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

	/**
	 * One compilation and, if it compiled, its run.
	 *
	 * @param problems what stopped it or the kernel: compile and run problems, operations at which it BUGs
	 * @param failedChecks a located error per check that did not hold
	 */
	public record Run(LayoutCompiler.Compilation compilation, RunResult result, List<Issue> problems,
			List<Issue> failedChecks) {

		/** The problems, then the failed checks. */
		public List<Issue> failures() {
			List<Issue> all = new ArrayList<>(problems);
			all.addAll(failedChecks);
			return all;
		}
	}

	/**
	 * A verdict on its check as written: the file it is written in (an imported file's for a step or check written
	 * there; null when it cannot be found), line and column 1-based (0 when it cannot be found).
	 */
	public record LocatedVerdict(String subject, CheckVerdict verdict, URI file, int line, int column) {
	}

	private LayoutChecks() {
	}

	public static List<Run> run(Model model) {
		return DeepStack.call(() -> runOnThisStack(model));
	}

	private static List<Run> runOnThisStack(Model model) {
		List<Run> runs = new ArrayList<>();
		List<LayoutCompiler.Compilation> compilations;
		try {
			compilations = LayoutCompiler.compile(model);
		} catch (RuntimeException | StackOverflowError e) {
			// a defect, not the user's mistake: still a located one-line error, never a stack trace
			return List.of(new Run(null, null, List.of(InternalErrors.issue(model, "compiling", e)), List.of()));
		}
		SourceElements sources = new SourceElements(model); // after compiling: the imported files are loaded
		for (LayoutCompiler.Compilation compilation : compilations) {
			if (!compilation.ok()) {
				runs.add(new Run(compilation, null, compilation.problems().stream()
						.map(p -> InFile.of(model, LocatedIssues.error(p.where(), p.message()))).toList(), List.of()));
				continue;
			}
			try {
				RunResult result = ConfigurationRunner.run(compilation.configuration());
				runs.add(new Run(compilation, result, inFile(model, problemsOf(compilation, result, sources)),
						inFile(model, failedChecksOf(compilation, result, sources))));
			} catch (RuntimeException | StackOverflowError e) {
				runs.add(new Run(compilation, null, List.of(InternalErrors.issue(
						compilation.subject() != null ? compilation.subject() : model, "running " + compilation.name(),
						e)), List.of()));
			}
		}
		return runs;
	}

	/** Every verdict of these runs of {@code model}, passed or failed, located as {@link #failures} are. */
	public static List<LocatedVerdict> verdicts(Model model, List<Run> runs) {
		return verdicts(model, runs, v -> true);
	}

	/**
	 * The verdicts {@code which} selects, located. Locating is most of their cost (the file's checks indexed by
	 * source, a line and column each), and a run of 100,000 checks that all pass reports none of them by default.
	 */
	public static List<LocatedVerdict> verdicts(Model model, List<Run> runs, Predicate<CheckVerdict> which) {
		SourceElements sources = new SourceElements(model);
		List<LocatedVerdict> out = new ArrayList<>();
		for (Run run : runs) {
			if (run.result() == null) {
				continue;
			}
			for (CheckVerdict v : run.result().verdicts()) {
				if (!which.test(v)) {
					continue;
				}
				EObject element = sources.at(v.source(), run.compilation().subject());
				LineAndColumn at = LocatedIssues.start(element);
				URI file = element == null || element.eResource() == null ? null : element.eResource().getURI();
				out.add(new LocatedVerdict(run.compilation().name(), v, file, at.getLine(), at.getColumn()));
			}
		}
		return out;
	}

	public static List<Issue> failures(List<Run> runs) {
		return runs.stream().flatMap(r -> r.failures().stream()).toList();
	}

	private static List<Issue> problemsOf(LayoutCompiler.Compilation compilation, RunResult result,
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
		return failures;
	}

	private static List<Issue> failedChecksOf(LayoutCompiler.Compilation compilation, RunResult result,
			SourceElements sources) {
		List<Issue> failures = new ArrayList<>();
		for (CheckVerdict v : result.failedChecks()) {
			failures.add(LocatedIssues.error(sources.at(v.source(), compilation.subject()), "check failed on "
					+ revision(v.patch()) + " of " + compilation.name() + " in " + v.phase().getLiteral() + ": "
					+ v.description() + ": " + v.reason()));
		}
		return failures;
	}

	private static List<Issue> inFile(Model model, List<Issue> issues) {
		return issues.stream().map(i -> InFile.of(model, i)).toList();
	}

	private static String revision(int patch) {
		return patch == 0 ? "baseline" : "patch " + patch;
	}
}
