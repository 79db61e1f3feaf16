package org.pagewright.config.run;

import java.util.List;

/**
 * What the engine answered for one operation.
 *
 * @param origin the operation's origin label (step / recipe / patch)
 * @param operation a one-line description of the operation
 * @param errno the kernel's return value (0, -22, -12)
 * @param result the engine's result, e.g. "Ok", "Einval: partial block at ..." or "Bug: ..."
 * @param warnings the WARNs and notable events the kernel would print or do (splits, refused updates)
 * @param bug the kernel would BUG (oops) here
 * @param source where the step that produced the operation was written (file:line), or null
 * @param expectation what the step must return ("ok", "einval", "warn", "bug"), or null: anything but a BUG
 */
public record OperationOutcome(String origin, String operation, int errno, String result, List<String> warnings,
        boolean bug, String source, String expectation) {

    /** The kernel would BUG here and the step does not say so. */
    public boolean unexpectedBug() {
        return bug && !"bug".equals(expectation);
    }

    /** The kernel would WARN here (a WARN event, or an -EINVAL / refused update that WARNs). */
    public boolean warned() {
        return warnings.stream().anyMatch(w -> w.startsWith("WARN") || w.endsWith("(WARN)")) || result.contains("WARN");
    }

    public OperationOutcome {
        warnings = List.copyOf(warnings);
    }
}
