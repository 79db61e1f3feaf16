package org.pagewright.lang.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.AbstractGenerator;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.eclipse.xtext.generator.IGeneratorContext;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.config.Phase;
import org.pagewright.config.io.ConfigurationStore;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RevisionResult;
import org.pagewright.config.run.RunResult;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Model;

/**
 * For every series (and every platform it is checked on) of a layout file: compiles it to a simulator
 * configuration, runs it, and writes {@code <name>/<name>.simcfg}, the ptdump text of each revision's runtime state
 * ({@code <name>/baseline.ptdump.txt}, {@code <name>/patch-13.ptdump.txt}), {@code <name>/report.md} and
 * {@code <name>/report.json}. Compile problems, operations at which the kernel would BUG and failed checks end the generation with a
 * {@link FailedChecksException} holding one error issue per failure, located on the check (or step, or series) as
 * written, after the outputs of that file are written.
 */
public class LayoutGenerator extends AbstractGenerator {

	@Override
	public void doGenerate(Resource resource, IFileSystemAccess2 fsa, IGeneratorContext context) {
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
			return;
		}
		SourceElements sources = new SourceElements(model);
		List<Issue> failures = new ArrayList<>();
		for (LayoutCompiler.Compilation compilation : LayoutCompiler.compile(model)) {
			if (!compilation.ok()) {
				compilation.problems().forEach(p -> failures.add(LocatedIssues.error(p.where(), p.message())));
				continue;
			}
			RunResult result = ConfigurationRunner.run(compilation.configuration());
			write(compilation, result, fsa);
			failures.addAll(failuresOf(compilation, result, sources));
		}
		if (!failures.isEmpty()) {
			throw new FailedChecksException(resource.getURI().lastSegment(), failures);
		}
	}

	/** What stops the run from passing, each on the element as written: run problems, BUGs, failed checks. */
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

	private static void write(LayoutCompiler.Compilation compilation, RunResult result, IFileSystemAccess2 fsa) {
		String dir = compilation.name() + "/";
		fsa.generateFile(dir + compilation.name() + "." + ConfigurationStore.FILE_EXTENSION,
				new String(ConfigurationStore.toBytes(compilation.configuration()), StandardCharsets.UTF_8));
		for (RevisionResult revision : result.revisions()) {
			revision.phase(Phase.RUNTIME).ifPresent(p -> fsa.generateFile(
					dir + fileLabel(revision) + ".ptdump.txt", p.ptdump()));
		}
		fsa.generateFile(dir + "report.md", MarkdownReport.of(result));
		fsa.generateFile(dir + "report.json", JsonReport.of(result));
	}

	private static String revision(int patch) {
		return patch == 0 ? "baseline" : "patch " + patch;
	}

	static String fileLabel(RevisionResult revision) {
		return revision.patch() == 0 ? "baseline" : "patch-" + revision.patch();
	}
}
