package org.pagewright.lang.generator;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Issue;

/**
 * An exception from the compiler or the engine is a defect (the validator should have refused the input), but the
 * user still gets a located one-line error instead of a stack trace. The fuzzing harness fails on this prefix.
 */
public final class InternalErrors {
	/** Every message of such an error starts with this. */
	public static final String PREFIX = "internal error while ";

	private InternalErrors() {
	}

	static Issue issue(EObject where, String doing, Throwable e) {
		String what = e instanceof StackOverflowError ? "the input nests too deeply" : e.toString();
		return LocatedIssues.error(where, PREFIX + doing + ": " + what);
	}
}
