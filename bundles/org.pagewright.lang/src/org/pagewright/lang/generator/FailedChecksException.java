package org.pagewright.lang.generator;

import java.util.List;

import org.eclipse.xtext.validation.Issue;

/**
 * A layout file whose series could not be compiled or run, or whose checks failed: one error issue per failure,
 * located on the element that caused it. The message names the file and lists the issues in Xtext's format, which
 * is what the Maven build prints when it fails.
 */
public class FailedChecksException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final transient List<Issue> issues;

	public FailedChecksException(String file, List<Issue> issues) {
		super(issues.size() + " failure(s) in " + file + ":\n" + String.join("\n", issues.stream().map(Issue::toString).toList()));
		this.issues = List.copyOf(issues);
	}

	public List<Issue> issues() {
		return issues;
	}

	/** The failures one per line, as printed ({@code ERROR:<message> (<uri> line : N column : M)}). */
	public List<String> failures() {
		return issues.stream().map(Issue::toString).toList();
	}
}
