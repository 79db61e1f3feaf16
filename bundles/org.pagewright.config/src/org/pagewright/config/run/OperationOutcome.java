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
 */
public record OperationOutcome(String origin, String operation, int errno, String result, List<String> warnings,
        boolean bug, String source) {

    public OperationOutcome {
        warnings = List.copyOf(warnings);
    }
}
