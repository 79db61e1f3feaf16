package org.pagewright.config.run;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pagewright.arm64.op.Event;
import org.pagewright.arm64.op.OpResult;
import org.pagewright.arm64.op.Operation;
import org.pagewright.arm64.table.PageTables;
import org.pagewright.config.Check;
import org.pagewright.config.Configuration;
import org.pagewright.config.Patch;
import org.pagewright.config.Phase;
import org.pagewright.config.PhaseOperations;
import org.pagewright.config.Revision;

/**
 * Executes a configuration on the engine: for the baseline and then each patch, the phases in order on one fresh
 * swapper_pg_dir (each phase continues from the state the previous one left), then the checks that apply to that
 * revision on the state of their phase (or, for a check after a step, on the state right after that step).
 */
public final class ConfigurationRunner {

    private ConfigurationRunner() {
    }

    public static RunResult run(Configuration configuration) {
        EngineSetup.Result setup = EngineSetup.of(configuration);
        if (setup.setup().isEmpty()) {
            return new RunResult(configuration.getName(), List.of(), setup.problems(), null, null, 0, null);
        }
        EngineSetup engine = setup.setup().get();
        CheckEvaluator evaluator = new CheckEvaluator(engine);
        List<RevisionResult> revisions = new ArrayList<>();
        Map<Phase, PageTables> previous = new EnumMap<>(Phase.class);
        Map<Phase, Map<String, PageTables>> previousSteps = new EnumMap<>(Phase.class);
        String previousLabel = null;
        List<Revision> all = new ArrayList<>();
        all.add(configuration.getBaseline());
        all.addAll(configuration.getPatches());
        KeptTables kept = KeptTables.of(engine);
        for (Revision revision : all) {
            int number = revision instanceof Patch p ? p.getNumber() : 0;
            String title = revision instanceof Patch p ? p.getTitle() : revision.getName();
            Ran ran = runPhases(engine, revision, previous, kept, stepsAsked(configuration, number));
            if (ran == null) {
                return new RunResult(configuration.getName(), List.of(), List.of(kept.problem(title)), null, null, 0, null);
            }
            List<PhaseResult> phases = ran.phases();
            List<CheckVerdict> verdicts = new ArrayList<>();
            for (Check check : configuration.getChecks()) {
                if (check.getAfterPatch() == null || check.getAfterPatch() == number) {
                    CheckEvaluator.Subject subject = subject(engine, phases, check.getPhase(), previous, previousLabel);
                    CheckEvaluator.Outcome o = check.getAfterStep() == null ? evaluator.evaluate(check, subject)
                            : afterStep(evaluator, check, ran, subject, previousSteps, number);
                    verdicts.add(new CheckVerdict(check.getDescription(), check.getSource(), number, check.getPhase(),
                            o.passed(), o.reason()));
                }
            }
            phases.forEach(p -> verdicts.addAll(StepExpectations.verdicts(p, number)));
            RevisionResult result = new RevisionResult(number, title, phases, verdicts);
            revisions.add(result);
            for (PhaseResult p : phases) {
                previous.put(p.phase(), p.state());
            }
            previousSteps = ran.afterSteps();
            previousLabel = result.label();
        }
        return new RunResult(configuration.getName(), revisions, List.of(), engine.layout(), engine.cpu(),
                engine.physOffset(), engine.runTimeAreas());
    }

    /** A revision's phases, and the states right after the steps that checks ask for (phase, then step label). */
    private record Ran(List<PhaseResult> phases, Map<Phase, Map<String, PageTables>> afterSteps,
            Map<Phase, Set<String>> stepsRun) {
    }

    /** The steps that the checks judged on this revision want a state after, per phase. */
    private static Map<Phase, Set<String>> stepsAsked(Configuration configuration, int number) {
        Map<Phase, Set<String>> asked = new EnumMap<>(Phase.class);
        for (Check check : configuration.getChecks()) {
            if (check.getAfterStep() != null && (check.getAfterPatch() == null || check.getAfterPatch() == number)) {
                asked.computeIfAbsent(check.getPhase(), p -> new HashSet<>()).add(check.getAfterStep());
            }
        }
        return asked;
    }

    /**
     * A check after a step: judged on the state right after the step's last operation in the check's phase; a
     * delta compares it with the same step of the previous revision when that revision ran the step, otherwise
     * as a check of the phase does. A step that runs no operation in the phase fails the check.
     */
    private static CheckEvaluator.Outcome afterStep(CheckEvaluator evaluator, Check check, Ran ran,
            CheckEvaluator.Subject phaseSubject, Map<Phase, Map<String, PageTables>> previousSteps, int number) {
        String step = check.getAfterStep();
        PageTables state = ran.afterSteps().getOrDefault(check.getPhase(), Map.of()).get(step);
        if (state == null) {
            Set<String> steps = ran.stepsRun().getOrDefault(check.getPhase(), Set.of());
            return new CheckEvaluator.Outcome(false, String.format("no operation of step '%s' runs in %s of %s (%s)",
                    step, check.getPhase().getLiteral(), number == 0 ? "the baseline" : "patch " + number,
                    steps.isEmpty() ? "the phase runs no operation" : "its steps: " + String.join(", ", steps)));
        }
        PageTables before = previousSteps.getOrDefault(check.getPhase(), Map.of()).get(step);
        return evaluator.evaluate(check, before != null
                ? new CheckEvaluator.Subject(state, before, phaseSubject.previousLabel() + " after step " + step)
                : new CheckEvaluator.Subject(state, phaseSubject.previous(), phaseSubject.previousLabel()));
    }

    /**
     * A check's phase state, with what a delta compares it to: the same phase of the previous revision, or on the
     * baseline the end of the phase before (before boot: the empty swapper_pg_dir).
     */
    private static CheckEvaluator.Subject subject(EngineSetup engine, List<PhaseResult> phases, Phase phase,
            Map<Phase, PageTables> previous, String previousLabel) {
        int at = 0;
        while (phases.get(at).phase() != phase) {
            at++;
        }
        PageTables state = phases.get(at).state();
        if (previousLabel != null) {
            return new CheckEvaluator.Subject(state, previous.get(phase), previousLabel);
        }
        return at == 0 ? new CheckEvaluator.Subject(state, engine.newTables().orElse(state), "the empty swapper_pg_dir")
                : new CheckEvaluator.Subject(state, phases.get(at - 1).state(),
                        "the end of " + phases.get(at - 1).phase().getLiteral());
    }

    /**
     * Every phase in order (empty ones too, so that a check can name any phase), each leaving a snapshot; null when
     * the tables do not fit the budget: not even the root, the working tables, or the snapshots the run keeps.
     * A snapshot is taken after a step only where a check asks for one.
     */
    private static Ran runPhases(EngineSetup engine, Revision revision, Map<Phase, PageTables> previous,
            KeptTables kept, Map<Phase, Set<String>> stepsAsked) {
        PageTables tables = engine.newTables().orElse(null);
        if (tables == null) {
            return null;
        }
        List<PhaseResult> out = new ArrayList<>();
        Map<Phase, Map<String, PageTables>> afterSteps = new EnumMap<>(Phase.class);
        Map<Phase, Set<String>> stepsRun = new EnumMap<>(Phase.class);
        PageTables last = null;
        for (Phase phase : Phase.VALUES) {
            List<org.pagewright.config.Operation> ops = new ArrayList<>();
            for (PhaseOperations p : revision.getPhases()) {
                if (p.getPhase() == phase) {
                    ops.addAll(p.getOperations());
                }
            }
            Set<String> steps = new LinkedHashSet<>();
            Map<Integer, String> snapshotAfter = lastOperations(ops, stepsAsked.getOrDefault(phase, Set.of()), steps);
            stepsRun.put(phase, steps);
            List<OperationOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < ops.size(); i++) {
                org.pagewright.config.Operation op = ops.get(i);
                Operation engineOp = OperationConversion.toEngine(op);
                OpResult result = engine.executor().apply(tables, engineOp);
                outcomes.add(outcome(engineOp, result, op.getOrigin()));
                if (result instanceof OpResult.Enomem e && tables.tablePages() >= tables.pool().budgetPages()) {
                    // the budget ran out: checks on a half-built state would mislead, so the run stops here
                    kept.outOfTables(phase.getLiteral() + ": " + describe(engineOp) + ": -ENOMEM: " + e.reason());
                    return null;
                }
                String step = snapshotAfter.get(i);
                if (step != null) {
                    if (!kept.admit(tables)) {
                        return null;
                    }
                    PageTables atStep = tables.copy();
                    kept.keep(atStep);
                    afterSteps.computeIfAbsent(phase, x -> new HashMap<>()).put(step, atStep);
                }
            }
            // snapshots are never written again, so a phase that changed nothing shares the one before it: a
            // large page-mapped state is then held twice (working tables and one snapshot), not once per phase
            boolean shared = outcomes.isEmpty() && last != null;
            if (!shared && !kept.admit(tables)) {
                return null;
            }
            PageTables snapshot = shared ? last : tables.copy();
            if (!shared) {
                kept.keep(snapshot);
            }
            last = snapshot;
            out.add(new PhaseResult(phase, outcomes, snapshot, previous.get(phase), engine.layout()));
        }
        return new Ran(out, afterSteps, stepsRun);
    }

    /**
     * Which operation of a phase ends each asked step (the index of its last operation), collecting into
     * {@code steps} every step label of the phase in order.
     */
    private static Map<Integer, String> lastOperations(List<org.pagewright.config.Operation> ops, Set<String> asked,
            Set<String> steps) {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            String step = ops.get(i).getOrigin() == null ? null : ops.get(i).getOrigin().getStep();
            if (step != null) {
                steps.add(step);
                if (asked.contains(step)) {
                    last.put(step, i);
                }
            }
        }
        Map<Integer, String> at = new HashMap<>();
        last.forEach((step, i) -> at.put(i, step));
        return at;
    }

    private static OperationOutcome outcome(Operation op, OpResult result, org.pagewright.config.Origin origin) {
        List<String> warnings = new ArrayList<>();
        for (Event e : result.changes().events()) {
            switch (e) {
                case Event.Warning w -> warnings.add("WARN: " + w.text());
                case Event.Split s -> warnings.add(String.format("%s at 0x%016x level %d", s.how(), s.va(), s.level()));
                case Event.RefusedBlockUpdate r -> warnings.add(String.format(
                        "p?d_set_huge refused a live change at 0x%016x level %d%s", r.va(), r.level(),
                        r.warned() ? " (WARN)" : ""));
                case Event.MixedContGroup m -> warnings.add(String.format(
                        "contiguous group at 0x%016x level %d changed in part", m.groupVa(), m.level()));
                default -> {
                    // in-place block changes and skipped entries are normal; the diff shows them
                }
            }
        }
        String text = switch (result) {
            case OpResult.Ok ok -> "Ok";
            case OpResult.Einval e -> "-EINVAL" + (e.warned() ? " with WARN" : "") + ": " + e.reason();
            case OpResult.Enomem e -> "-ENOMEM: " + e.reason();
            case OpResult.Refused r -> "refused" + (r.warned() ? " with WARN" : "") + ": " + r.reason();
            case OpResult.Bug b -> String.format("BUG at 0x%016x level %d: %s", b.va(), b.level(), b.reason());
        };
        return new OperationOutcome(op.origin(), describe(op), result.errno(), text, warnings,
                result instanceof OpResult.Bug, origin == null ? null : origin.getSource(),
                origin == null ? null : origin.getExpect());
    }

    private static String describe(Operation op) {
        return switch (op) {
            case Operation.CreateMapping c -> String.format("create_mapping 0x%x -> 0x%016x size 0x%x %s %s",
                    c.phys().value(), c.virt().value(), c.size(), c.prot(), c.flags());
            case Operation.MapRange m -> String.format("map_range 0x%x -> 0x%016x size 0x%x %s",
                    m.phys().value(), m.virt().value(), m.size(), m.prot());
            case Operation.UpdateMappingProt u -> String.format("update_mapping_prot 0x%x -> 0x%016x size 0x%x %s",
                    u.phys().value(), u.virt().value(), u.size(), u.prot());
            case Operation.SetMemoryValid s -> String.format("set_memory_valid 0x%016x %d pages %s", s.virt().value(),
                    s.numPages(), s.valid() ? "valid" : "invalid");
            case Operation.ChangeMemoryCommon c -> String.format("set_memory_%s 0x%016x %d pages",
                    c.change().name().toLowerCase(), c.virt().value(), c.numPages());
            case Operation.MirrorToLinearAlias m -> String.format("mirror %s to linear alias 0x%016x %d pages",
                    m.change(), m.linearVirt().value(), m.numPages());
            case Operation.SetDirectMap s -> String.format("set_direct_map_%s 0x%016x %d pages",
                    s.valid() ? "default" : "invalid", s.virt().value(), s.numPages());
            case Operation.ClearMapping c -> String.format("clear 0x%016x size 0x%x", c.virt().value(), c.size());
            case Operation.TransPgdCopy t -> String.format("trans_pgd copy of the linear map 0x%016x-0x%016x",
                    t.linearStart().value(), t.linearEnd().value());
            case Operation.RegisterVmArea r -> String.format("vm area 0x%016x size 0x%x", r.virt().value(), r.size());
            case Operation.WriteObserved w -> String.format("%d observed level-%d %s from 0x%016x", w.count(),
                    w.level(), w.table() ? "table entries" : "leaves", w.virt().value());
        };
    }
}
