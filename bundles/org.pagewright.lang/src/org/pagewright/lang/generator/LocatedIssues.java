package org.pagewright.lang.generator;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.util.LineAndColumn;
import org.eclipse.xtext.validation.Issue;

/**
 * Generation failures as Xtext error issues on the element that caused them, so that every front end prints them
 * as it prints validation errors (the Maven plugin: {@code ERROR:<message> (file:<path> line : N column : M)}).
 */
final class LocatedIssues {
	/** Issue code of a check that did not hold or a series that could not be compiled or run. */
	static final String GENERATION_FAILED = "org.pagewright.lang.generator.failed";

	private LocatedIssues() {
	}

	static Issue error(EObject where, String message) {
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(Severity.ERROR);
		issue.setCode(GENERATION_FAILED);
		issue.setMessage(message);
		if (where != null && where.eResource() != null) {
			issue.setUriToProblem(EcoreUtil.getURI(where));
			ICompositeNode node = NodeModelUtils.findActualNodeFor(where);
			if (node != null) {
				LineAndColumn start = start(node);
				issue.setLineNumber(start.getLine());
				issue.setColumn(start.getColumn());
				issue.setOffset(node.getOffset());
				issue.setLength(node.getLength());
			}
		}
		return issue;
	}

	/** Line and column (1-based) where the element is written, or 0/0 when it has no node. */
	static LineAndColumn start(EObject where) {
		ICompositeNode node = where == null ? null : NodeModelUtils.findActualNodeFor(where);
		return node == null ? LineAndColumn.from(0, 0) : start(node);
	}

	private static LineAndColumn start(ICompositeNode node) {
		return NodeModelUtils.getLineAndColumn(node, node.getOffset());
	}
}
