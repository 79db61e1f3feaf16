package org.pagewright.lang.generator;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.pagewright.lang.layout.Import;
import org.pagewright.lang.layout.Model;

/**
 * A failure located in an imported file is reported in the file being checked, on its first import, naming the
 * imported file and line: front ends print an issue with the checked file's name, so the imported line number alone
 * would point into the wrong file.
 */
final class InFile {

	private InFile() {
	}

	static Issue of(Model model, Issue issue) {
		Resource here = model.eResource();
		if (here == null || issue.getUriToProblem() == null
				|| issue.getUriToProblem().trimFragment().equals(here.getURI()) || model.getImports().isEmpty()) {
			return issue;
		}
		Import first = model.getImports().get(0);
		String file = issue.getUriToProblem().trimFragment().isFile()
				? issue.getUriToProblem().trimFragment().toFileString() : issue.getUriToProblem().trimFragment().toString();
		Issue located = LocatedIssues.error(first, String.format("%s:%d:%d: %s", file,
				issue.getLineNumber() == null ? 0 : issue.getLineNumber(), issue.getColumn() == null ? 0 : issue.getColumn(),
				issue.getMessage()));
		if (located instanceof Issue.IssueImpl impl) {
			impl.setSeverity(issue.getSeverity() == null ? Severity.ERROR : issue.getSeverity());
			impl.setCode(issue.getCode());
		}
		return located;
	}
}
