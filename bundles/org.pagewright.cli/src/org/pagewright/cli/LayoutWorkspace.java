package org.pagewright.cli;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.lang.generator.LayoutChecks;
import org.pagewright.lang.layout.Model;

import com.google.inject.Injector;

/** Layout files loaded and validated as the workbench and the Maven build do (imports resolved in one set). */
final class LayoutWorkspace {

	/** A loaded file: its model and its validation issues. */
	record Loaded(Path file, Model model, List<Issue> issues) {
		boolean valid() {
			return issues.stream().noneMatch(i -> i.getSeverity() == Severity.ERROR);
		}

		/** The compilations of its series and policies, run on the engine (empty when it does not validate). */
		List<LayoutChecks.Run> run() {
			return valid() ? LayoutChecks.run(model) : List.of();
		}
	}

	private final XtextResourceSet resources;
	private final IResourceValidator validator;

	LayoutWorkspace() {
		Injector injector = new BatchLayoutSetup().createInjectorAndDoEMFRegistration();
		resources = injector.getInstance(XtextResourceSet.class);
		validator = injector.getInstance(IResourceValidator.class);
	}

	/** Loads and validates one file; an unreadable one is an {@link InputException}, not a stack trace. */
	Loaded load(Path file) throws InputException {
		LayoutFiles.single(file);
		Resource resource;
		try {
			resource = resources.getResource(URI.createFileURI(file.toAbsolutePath().normalize().toString()), true);
		} catch (RuntimeException e) { // EMF wraps I/O failures of getResource in unchecked exceptions
			throw new InputException(file + ": cannot be loaded: " + rootMessage(e));
		}
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
			String why = resource.getErrors().isEmpty() ? "" : ": " + resource.getErrors().get(0).getLine() + ": "
					+ resource.getErrors().get(0).getMessage();
			throw new InputException(file + ": not a layout file" + why);
		}
		List<Issue> issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
		return new Loaded(file, model, issues);
	}

	/** {@code file:line:column: severity: message}, as compilers print it. */
	static String located(Path file, Issue issue) {
		return String.format("%s:%d:%d: %s: %s", where(file, issue), issue.getLineNumber() == null ? 0 : issue.getLineNumber(),
				issue.getColumn() == null ? 0 : issue.getColumn(), issue.getSeverity().name().toLowerCase(),
				issue.getMessage());
	}

	/** The file as the user named it, or the imported file the issue is in. */
	static Path where(Path file, Issue issue) {
		return where(file, issue.getUriToProblem());
	}

	/**
	 * The file as the user named it, or the imported file {@code uri} names, the way the user named the checked one
	 * (relative to where it lies when that was relative: `examples/…/v7.1-rc1.layout`, not an absolute path).
	 */
	static Path where(Path file, URI uri) {
		if (uri == null || !uri.isFile()) {
			return file;
		}
		Path other = Path.of(uri.trimFragment().toFileString());
		Path checked = file.toAbsolutePath().normalize();
		if (other.equals(checked)) {
			return file;
		}
		Path dir = file.getParent() == null ? Path.of("") : file.getParent();
		return file.isAbsolute() ? other : dir.resolve(checked.getParent().relativize(other)).normalize();
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
	}
}
