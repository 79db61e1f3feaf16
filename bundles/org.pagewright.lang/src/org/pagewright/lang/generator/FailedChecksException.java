package org.pagewright.lang.generator;

import java.util.List;

/** A layout whose series could not be compiled or whose checks failed: one located line per failure. */
public class FailedChecksException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	private final List<String> failures;

	public FailedChecksException(List<String> failures) {
		super(failures.size() + " failure(s):\n  " + String.join("\n  ", failures));
		this.failures = List.copyOf(failures);
	}

	public List<String> failures() {
		return failures;
	}
}
