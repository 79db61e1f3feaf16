package org.pagewright.lang.generator;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.AbstractGenerator;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.eclipse.xtext.generator.IGeneratorContext;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.config.Phase;
import org.pagewright.config.io.ConfigurationStore;
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
		List<LayoutChecks.Run> runs = LayoutChecks.run(model);
		runs.stream().filter(r -> r.result() != null).forEach(r -> write(r.compilation(), r.result(), fsa));
		List<Issue> failures = LayoutChecks.failures(runs);
		if (!failures.isEmpty()) {
			throw new FailedChecksException(resource.getURI().lastSegment(), failures);
		}
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

	static String fileLabel(RevisionResult revision) {
		return revision.patch() == 0 ? "baseline" : "patch-" + revision.patch();
	}
}
