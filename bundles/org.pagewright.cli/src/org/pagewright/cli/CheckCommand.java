package org.pagewright.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.lang.LayoutStandaloneSetup;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.lang.layout.Model;

import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Validates layout files and runs their series on the simulator; prints every problem located, compiler-style. */
@Command(name = "check", description = "Validate layout files and run their checks.")
class CheckCommand extends Subcommand {

	@Parameters(paramLabel = "FILE", arity = "1..*", description = "the .layout files (their imports are loaded too)")
	private List<Path> files;

	@Override
	public Integer call() {
		PrintWriter out = out();
		PrintWriter err = err();
		for (Path file : files) {
			if (!Files.isRegularFile(file)) {
				err.println("pagewright-cli: no such file: " + file);
				return PagewrightCommand.CANNOT_RUN;
			}
		}
		Injector injector = new LayoutStandaloneSetup().createInjectorAndDoEMFRegistration();
		XtextResourceSet resources = injector.getInstance(XtextResourceSet.class);
		List<Resource> loaded = new ArrayList<>();
		for (Path file : files) {
			loaded.add(resources.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true));
		}
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		int errors = 0;
		int checked = 0;
		for (int i = 0; i < loaded.size(); i++) {
			Resource resource = loaded.get(i);
			List<Issue> issues = new ArrayList<>(validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl));
			boolean valid = issues.stream().noneMatch(issue -> issue.getSeverity() == Severity.ERROR);
			if (valid && !resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model) {
				List<LayoutChecks.Run> runs = LayoutChecks.run(model);
				checked += runs.stream().filter(r -> r.result() != null).mapToInt(r -> r.result().verdicts().size()).sum();
				issues.addAll(LayoutChecks.failures(runs));
			}
			for (Issue issue : issues) {
				err.println(located(files.get(i), issue));
				errors += issue.getSeverity() == Severity.ERROR ? 1 : 0;
			}
		}
		out.println(checked + " check verdicts, " + errors + " error(s)");
		return errors == 0 ? 0 : PagewrightCommand.FAILED;
	}

	/** {@code file:line:column: error: message}, as compilers print it. */
	private static String located(Path file, Issue issue) {
		return String.format("%s:%d:%d: %s: %s", file, issue.getLineNumber() == null ? 0 : issue.getLineNumber(),
				issue.getColumn() == null ? 0 : issue.getColumn(), issue.getSeverity().name().toLowerCase(),
				issue.getMessage());
	}
}
