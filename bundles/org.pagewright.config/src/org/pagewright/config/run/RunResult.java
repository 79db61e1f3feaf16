package org.pagewright.config.run;

import java.util.List;

import org.pagewright.config.Phase;

/**
 * Everything a run produced, per revision (baseline, then each patch) and phase. Plain values for the UI, the
 * command line and the generator.
 *
 * @param problems why the configuration could not run at all (then {@code revisions} is empty)
 */
public record RunResult(String configuration, List<RevisionResult> revisions, List<String> problems) {

    public RunResult {
        revisions = List.copyOf(revisions);
        problems = List.copyOf(problems);
    }

    /** Every check verdict of every revision, in order. */
    public List<CheckVerdict> verdicts() {
        return revisions.stream().flatMap(r -> r.verdicts().stream()).toList();
    }

    public List<CheckVerdict> failedChecks() {
        return verdicts().stream().filter(v -> !v.passed()).toList();
    }

    /** An operation at which the kernel would BUG: the boot (or phase) does not get past it. */
    public record Bug(int patch, Phase phase, OperationOutcome operation) {
    }

    public List<Bug> bugs() {
        return revisions.stream().flatMap(r -> r.phases().stream().flatMap(p -> p.outcomes().stream()
                .filter(OperationOutcome::bug).map(o -> new Bug(r.patch(), p.phase(), o)))).toList();
    }

    /** Ran without a BUG, and every check held. */
    public boolean passed() {
        return problems.isEmpty() && failedChecks().isEmpty() && bugs().isEmpty();
    }
}
