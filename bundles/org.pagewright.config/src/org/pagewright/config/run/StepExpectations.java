package org.pagewright.config.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verdicts of the steps that say what they return (`expect ok|einval|warn|bug`): the operations a step
 * expanded to, judged together, once per revision and phase the step runs in.
 */
final class StepExpectations {
    private static final int EINVAL = -22;

    private StepExpectations() {
    }

    static List<CheckVerdict> verdicts(PhaseResult phase, int patch) {
        Map<String, List<OperationOutcome>> byStep = new LinkedHashMap<>();
        for (OperationOutcome o : phase.outcomes()) {
            if (o.expectation() != null) {
                byStep.computeIfAbsent(o.source() + "\n" + o.expectation(), k -> new ArrayList<>()).add(o);
            }
        }
        List<CheckVerdict> out = new ArrayList<>();
        for (List<OperationOutcome> step : byStep.values()) {
            OperationOutcome first = step.get(0);
            String expect = first.expectation();
            String description = first.origin() + " expect " + expect;
            out.add(new CheckVerdict(description, first.source(), patch, phase.phase(), holds(expect, step),
                    reason(step) + (holds(expect, step) ? "" : "; expected " + expected(expect))));
        }
        return out;
    }

    private static boolean holds(String expect, List<OperationOutcome> step) {
        return switch (expect) {
            case "ok" -> step.stream().allMatch(o -> o.errno() == 0 && !o.warned() && !o.bug());
            case "einval" -> step.stream().anyMatch(o -> o.errno() == EINVAL);
            case "warn" -> step.stream().anyMatch(OperationOutcome::warned);
            case "bug" -> step.stream().anyMatch(OperationOutcome::bug);
            default -> false;
        };
    }

    private static String expected(String expect) {
        return switch (expect) {
            case "ok" -> "0 without a WARN";
            case "einval" -> "-EINVAL";
            case "warn" -> "a WARN";
            default -> "a BUG";
        };
    }

    /** The first operation that did not return a plain 0, else what all of them returned. */
    private static String reason(List<OperationOutcome> step) {
        for (OperationOutcome o : step) {
            if (o.errno() != 0 || o.bug() || o.warned()) {
                return o.operation() + ": " + o.result() + (o.warnings().isEmpty() ? "" : " " + o.warnings());
            }
        }
        return step.size() == 1 ? step.get(0).operation() + ": 0" : step.size() + " operations, each returned 0";
    }
}
