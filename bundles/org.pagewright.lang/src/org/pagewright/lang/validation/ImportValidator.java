package org.pagewright.lang.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.scoping.impl.ImportUriResolver;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.lang.DeepStack;
import org.pagewright.lang.layout.Import;
import org.pagewright.lang.layout.LayoutPackage;
import org.pagewright.lang.scoping.ImportTargets;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Every file of the import closure is validated with the importing one: an import that names no readable file is an
 * error on its line, and so is an imported file with errors (each listed with its own file name and line), so that a
 * file is never judged "0 errors" on top of a broken platform. Registered beside {@link LayoutValidator}.
 */
public class ImportValidator extends BesideLayoutValidator {

	/** How many of an imported file's errors are listed on the import line. */
	static final int LISTED = 5;

	/**
	 * Imports being validated by this validation, shared with the threads it validates imported files on (the
	 * children see the parent's set): an import cycle is validated once.
	 */
	private static final ThreadLocal<Set<URI>> IN_PROGRESS = new InheritableThreadLocal<>() {
		@Override
		protected Set<URI> initialValue() {
			return new HashSet<>();
		}
	};

	@Inject
	private ImportUriResolver uriResolver;

	@Inject
	private Provider<IResourceValidator> validator;

	@Check
	public void checkImportIsValid(Import imp) {
		String text = uriResolver.apply(imp);
		Resource here = imp.eResource();
		if (text == null || text.isBlank()) {
			error("import of an empty file name", imp, LayoutPackage.Literals.IMPORT__IMPORT_URI,
					InputIssueCodes.UNREADABLE_IMPORT);
			return;
		}
		URI uri = URI.createURI(text);
		if (here != null && here.getURI() != null && uri.isRelative()) {
			uri = uri.resolve(here.getURI());
		}
		String unreadable = ImportTargets.problem(uri);
		if (unreadable != null) {
			error("cannot import '" + text + "': " + unreadable, imp, LayoutPackage.Literals.IMPORT__IMPORT_URI,
					InputIssueCodes.UNREADABLE_IMPORT);
			return;
		}
		if (here == null || here.getResourceSet() == null || IN_PROGRESS.get().contains(uri)
				|| !IN_PROGRESS.get().add(here.getURI())) {
			return;
		}
		try {
			Resource imported = here.getResourceSet().getResource(uri, true);
			if (imported == null || imported == here) {
				return;
			}
			List<Issue> errors = DeepStack.onFreshThread(
					() -> validator.get().validate(imported, CheckMode.ALL, CancelIndicator.NullImpl)).stream()
					.filter(i -> i.getSeverity() == Severity.ERROR).toList();
			if (!errors.isEmpty()) {
				error(summary(text, imported.getURI(), errors), imp, LayoutPackage.Literals.IMPORT__IMPORT_URI,
						InputIssueCodes.IMPORTED_FILE_HAS_ERRORS);
			}
		} catch (RuntimeException cannotLoad) {
			error("cannot import '" + text + "': " + cannotLoad.getMessage(), imp,
					LayoutPackage.Literals.IMPORT__IMPORT_URI, InputIssueCodes.UNREADABLE_IMPORT);
		} finally {
			IN_PROGRESS.get().remove(here.getURI());
		}
	}

	private static String summary(String text, URI imported, List<Issue> errors) {
		String name = imported.isFile() ? imported.toFileString() : imported.toString();
		StringBuilder b = new StringBuilder("imported file '" + text + "' has " + errors.size() + " error(s)");
		for (Issue i : errors.subList(0, Math.min(LISTED, errors.size()))) {
			b.append("\n  ").append(name).append(':').append(i.getLineNumber() == null ? 0 : i.getLineNumber())
					.append(':').append(i.getColumn() == null ? 0 : i.getColumn()).append(": ")
					.append(i.getMessage().replace('\n', ' '));
		}
		if (errors.size() > LISTED) {
			b.append("\n  … and ").append(errors.size() - LISTED).append(" more");
		}
		return b.toString();
	}
}
