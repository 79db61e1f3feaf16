package org.pagewright.config.run;

import java.util.List;
import java.util.Optional;

import org.pagewright.config.Phase;

/**
 * One revision of the policy: the baseline ({@code patch} 0) or the state after a patch.
 *
 * @param phases the phases in execution order, each with the state it left
 * @param verdicts the checks that apply to this revision
 */
public record RevisionResult(int patch, String title, List<PhaseResult> phases, List<CheckVerdict> verdicts) {

    public RevisionResult {
        phases = List.copyOf(phases);
        verdicts = List.copyOf(verdicts);
    }

    public Optional<PhaseResult> phase(Phase phase) {
        return phases.stream().filter(p -> p.phase() == phase).findFirst();
    }

    /** "baseline" or "patch 13". */
    public String label() {
        return patch == 0 ? "baseline" : "patch " + patch;
    }
}
