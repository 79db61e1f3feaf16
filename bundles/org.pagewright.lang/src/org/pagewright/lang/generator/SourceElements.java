package org.pagewright.lang.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.pagewright.lang.compiler.CompileProblem;
import org.pagewright.lang.layout.Check;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Step;

/**
 * The checks and steps of a layout file by the source the compiler recorded for them ({@link CompileProblem#location},
 * "file:line"), so that a failed verdict or an operation that BUGs can be reported on the element as written.
 */
final class SourceElements {
	private final Model model;
	/** Built on the first question: a run whose checks all pass asks none (100,000 checks, no index). */
	private Map<String, EObject> bySource;

	SourceElements(Model model) {
		this.model = model;
	}

	private Map<String, EObject> bySource() {
		if (bySource == null) {
			bySource = new HashMap<>();
			index(model);
			// then the files it imports, loaded into the same resource set: a step of an imported policy that BUGs
			// is reported on that step's own file and line (InFile), not on the importing file's series
			if (model.eResource() != null && model.eResource().getResourceSet() != null) {
				for (Resource r : List.copyOf(model.eResource().getResourceSet().getResources())) {
					if (r != model.eResource() && !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model m) {
						index(m);
					}
				}
			}
		}
		return bySource;
	}

	/** A file's checks, then its steps (a check and a step written on one line: the check). */
	private void index(Model indexed) {
		List<EObject> steps = new ArrayList<>();
		for (Iterator<EObject> all = indexed.eAllContents(); all.hasNext();) {
			EObject element = all.next();
			if (element instanceof Check) {
				bySource.putIfAbsent(CompileProblem.location(element), element);
			} else if (element instanceof Step) {
				steps.add(element);
			}
		}
		steps.forEach(step -> bySource.putIfAbsent(CompileProblem.location(step), step));
	}

	/** The element written at this source, or the fallback when it is not in this file (or not known). */
	EObject at(String source, EObject fallback) {
		return source == null ? fallback : bySource().getOrDefault(source, fallback);
	}
}
