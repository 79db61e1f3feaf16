package org.pagewright.config.run;

import java.util.List;
import java.util.Optional;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.arm64.layout.RunTimeAreas;
import org.pagewright.config.Phase;

/**
 * Everything a run produced, per revision (baseline, then each patch) and phase. Plain values for the UI, the
 * command line and the generator.
 *
 * @param problems why the configuration could not run at all (then {@code revisions} is empty)
 * @param layout the kernel VA layout the states were built for (null when it could not run)
 * @param cpu the CPU the states are walked with (null when it could not run)
 * @param physOffset PHYS_OFFSET, for the linear alias of a physical address
 * @param runTime the VAs whose content only run time makes (null when it could not run)
 */
public record RunResult(String configuration, List<RevisionResult> revisions, List<String> problems,
        KernelVaLayout layout, CpuFeatures cpu, long physOffset, RunTimeAreas runTime) {

    public RunResult {
        revisions = List.copyOf(revisions);
        problems = List.copyOf(problems);
    }

    public Optional<RevisionResult> revision(int patch) {
        return revisions.stream().filter(r -> r.patch() == patch).findFirst();
    }

    /** The state a revision left at the end of a phase, with what is needed to read it. */
    public Optional<StateView> state(int patch, Phase phase) {
        return revision(patch).flatMap(r -> r.phase(phase).map(p -> new StateView(configuration, r, p, layout, cpu, physOffset, runTime)));
    }

    /** Every check verdict of every revision, in order. */
    public List<CheckVerdict> verdicts() {
        return revisions.stream().flatMap(r -> r.verdicts().stream()).toList();
    }

    public List<CheckVerdict> failedChecks() {
        return verdicts().stream().filter(v -> !v.passed()).toList();
    }

    /** An operation at which the kernel would BUG (and its step does not `expect bug`): the boot does not get past it. */
    public record Bug(int patch, Phase phase, OperationOutcome operation) {
    }

    public List<Bug> bugs() {
        return revisions.stream().flatMap(r -> r.phases().stream().flatMap(p -> p.outcomes().stream()
                .filter(OperationOutcome::unexpectedBug).map(o -> new Bug(r.patch(), p.phase(), o)))).toList();
    }

    /** Ran without a BUG, and every check held. */
    public boolean passed() {
        return problems.isEmpty() && failedChecks().isEmpty() && bugs().isEmpty();
    }
}
