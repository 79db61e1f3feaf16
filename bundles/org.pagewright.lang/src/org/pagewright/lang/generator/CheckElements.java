package org.pagewright.lang.generator;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.pagewright.lang.compiler.CompileProblem;
import org.pagewright.lang.layout.Check;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.Model;

/**
 * The checks of a layout file by the source the compiler gave their verdicts ({@link CompileProblem#location}), so
 * that a failed verdict can be reported on the check as written.
 */
final class CheckElements {
	private final Map<String, EObject> bySource = new HashMap<>();

	CheckElements(Model model) {
		for (var element : model.getElements()) {
			if (element instanceof Checks block) {
				for (Check check : block.getChecks()) {
					bySource.putIfAbsent(CompileProblem.location(check), check);
				}
			}
		}
	}

	/** The check written at this source, or the fallback when the verdict names none of this file's checks. */
	EObject at(String source, EObject fallback) {
		return source == null ? fallback : bySource.getOrDefault(source, fallback);
	}
}
