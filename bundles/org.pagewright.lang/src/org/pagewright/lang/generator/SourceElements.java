package org.pagewright.lang.generator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
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
		index(model);
		// then the files it imports, loaded into the same resource set: a step of an imported policy that BUGs is
		// reported on that step's own file and line (InFile), not on the importing file's series
		if (model.eResource() != null && model.eResource().getResourceSet() != null) {
			for (Resource r : List.copyOf(model.eResource().getResourceSet().getResources())) {
				if (r != model.eResource() && !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model m) {
					index(m);
				}
			}
		}
	}

	private void index(Model model) {
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
