package org.pagewright.config.run;

import org.pagewright.config.Phase;

/**
 * The outcome of one check on one revision and phase.
 *
 * @param description the check as written
 * @param source where it was written (file:line), or null
 * @param reason why it passed or failed, in kernel terms: the fault (level, FSC), the leaking alias, the block
 *        that would split, the errno
 */
public record CheckVerdict(String description, String source, int patch, Phase phase, boolean passed,
        String reason) {
}
