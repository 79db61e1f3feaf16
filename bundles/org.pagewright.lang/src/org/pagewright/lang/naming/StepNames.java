package org.pagewright.lang.naming;

import org.pagewright.lang.layout.Recipe;
import org.pagewright.lang.layout.Step;

/**
 * How a step is referred to by patches: its label, or for an unlabelled kernel recipe the recipe's name, so that a
 * patch can say {@code after map_mem:} as a kernel developer would.
 */
public final class StepNames {

	private StepNames() {
	}

	/** The name a patch uses for this step, or {@code null} for an unlabelled primitive (which cannot be referred to). */
	public static String nameOf(Step step) {
		if (step.getName() != null) {
			return step.getName();
		}
		if (step.getAction() instanceof Recipe recipe) {
			return recipe.getKind().getLiteral();
		}
		return null;
	}
}
