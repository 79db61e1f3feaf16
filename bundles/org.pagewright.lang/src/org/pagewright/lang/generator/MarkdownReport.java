package org.pagewright.lang.generator;

import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.OperationOutcome;
import org.pagewright.config.run.PhaseResult;
import org.pagewright.config.run.RevisionResult;
import org.pagewright.config.run.RunResult;

/** A review report: per revision, the verdicts, the operations that warned or failed, and the diff. */
final class MarkdownReport {
	private MarkdownReport() {
	}

	static String of(RunResult result) {
		StringBuilder b = new StringBuilder("# ").append(result.configuration()).append("\n\n");
		b.append(result.passed() ? "All checks passed.\n" : result.failedChecks().size() + " check(s) failed"
				+ (result.bugs().isEmpty() ? "" : "; the kernel BUGs at " + result.bugs().size() + " operation(s)") + ".\n");
		for (RevisionResult r : result.revisions()) {
			b.append("\n## ").append(r.label()).append(r.title() == null ? "" : ": " + r.title()).append("\n\n");
			if (!r.verdicts().isEmpty()) {
				b.append("| check | phase | verdict | reason |\n|---|---|---|---|\n");
				for (CheckVerdict v : r.verdicts()) {
					b.append("| `").append(v.description()).append("` | ").append(v.phase().getLiteral()).append(" | ")
							.append(v.passed() ? "pass" : "**FAIL**").append(" | ").append(v.reason().replace("|", "\\|"))
							.append(" |\n");
				}
			}
			for (PhaseResult p : r.phases()) {
				if (p.outcomes().isEmpty() && p.diffToPrevious().isEmpty()) {
					continue;
				}
				b.append("\n### ").append(p.phase().getLiteral()).append(" (").append(p.outcomes().size())
						.append(" operations, ").append(p.tablePages()).append(" table pages)\n\n");
				for (OperationOutcome o : p.troubles()) {
					b.append("- `").append(o.operation()).append("` (").append(o.origin()).append("): ").append(o.result());
					o.warnings().forEach(w -> b.append("; ").append(w));
					b.append('\n');
				}
				if (!p.diffToPrevious().isEmpty()) {
					b.append("\nChanges against the previous revision:\n\n```\n");
					p.diffToPrevious().forEach(d -> b.append(d).append('\n'));
					b.append("```\n");
				}
			}
		}
		return b.toString();
	}
}
