package org.pagewright.fuzz.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.validation.Issue;
import org.pagewright.lang.generator.InternalErrors;

/**
 * What must hold for every input, whatever it is: no Throwable escapes, no library logs at ERROR, and every error
 * the user sees is located on a line of the file that was checked and is not an internal error.
 */
final class Invariants {

	private Invariants() {
	}

	static List<String> violations(Pipeline.Input input, Pipeline.Outcome outcome) {
		List<String> out = new ArrayList<>();
		if (outcome.crash() != null) {
			out.add("uncaught " + outcome.crash() + at(outcome.crash()));
		}
		outcome.errorLogs().forEach(l -> out.add("logged at ERROR: " + l));
		if (input == null) {
			return out;
		}
		long lines = input.mainText().lines().count() + 1;
		for (Issue issue : outcome.errors()) {
			String where = issue.getLineNumber() == null ? "unlocated" : "line " + issue.getLineNumber();
			if (issue.getMessage() != null && issue.getMessage().startsWith(InternalErrors.PREFIX)) {
				out.add("internal error at " + where + ": " + issue.getMessage());
			} else if (issue.getLineNumber() == null || issue.getLineNumber() < 1 || issue.getLineNumber() > lines) {
				out.add("error not located in the checked file (" + where + "): " + issue.getMessage());
			} else if (issue.getUriToProblem() != null
					&& !issue.getUriToProblem().trimFragment().lastSegment().equals("main.layout")) {
				out.add("error located in another file (" + issue.getUriToProblem().lastSegment() + " " + where
						+ ") but printed under the checked file's name: " + issue.getMessage());
			}
		}
		return out;
	}

	private static String at(Throwable t) {
		StackTraceElement[] trace = t.getStackTrace();
		if (trace.length == 0) {
			return "";
		}
		// the top frame and the entry into the recursion: the first frames above the pipeline's own
		StringBuilder b = new StringBuilder(" at " + trace[0]);
		for (int i = Math.max(1, trace.length - 14); i < trace.length; i++) {
			b.append(" <- ").append(trace[i]);
		}
		return b.toString();
	}
}
