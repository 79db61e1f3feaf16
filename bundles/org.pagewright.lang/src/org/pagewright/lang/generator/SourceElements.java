package org.pagewright.lang.generator;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.pagewright.lang.compiler.CompileProblem;
import org.pagewright.lang.layout.Check;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Step;

/**
 * The checks and steps of a layout file by the source the compiler recorded for them ({@link CompileProblem#location},
 * "file:line"), so that a failed verdict or an operation that BUGs can be reported on the element as written.
 */
final class SourceElements {
	private final Map<String, EObject> bySource = new HashMap<>();

	SourceElements(Model model) {
		for (Check check : EcoreUtil2.getAllContentsOfType(model, Check.class)) {
			bySource.putIfAbsent(CompileProblem.location(check), check);
		}
		for (Step step : EcoreUtil2.getAllContentsOfType(model, Step.class)) {
			bySource.putIfAbsent(CompileProblem.location(step), step);
		}
	}

	/** The element written at this source, or the fallback when it is not in this file (or not known). */
	EObject at(String source, EObject fallback) {
		return source == null ? fallback : bySource.getOrDefault(source, fallback);
	}
}
