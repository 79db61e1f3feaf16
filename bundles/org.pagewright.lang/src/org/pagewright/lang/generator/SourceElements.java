package org.pagewright.lang.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.pagewright.lang.compiler.CompileProblem;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.Edit;
import org.pagewright.lang.layout.Element;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.Step;
import org.pagewright.lang.naming.LayoutContexts;

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

	/**
	 * A file's checks, then its steps, each in the order written (a check and a step written on one line: the
	 * check). Read where the grammar puts them (checks blocks; policies' phases; the edits that bring a step), not
	 * by visiting every object: a file of 100,000 checks has four times as many objects.
	 */
	private void index(Model indexed) {
		List<Step> steps = new ArrayList<>();
		for (Element element : indexed.getElements()) {
			if (element instanceof Checks block) {
				block.getChecks().forEach(check -> bySource.putIfAbsent(CompileProblem.location(check), check));
			} else if (element instanceof Policy policy) {
				policy.getPhases().forEach(phase -> steps.addAll(phase.getSteps()));
			} else if (element instanceof Series series) {
				for (Patch patch : series.getPatches()) {
					for (Edit edit : patch.getEdits()) {
						Step step = LayoutContexts.insertedBy(edit);
						if (step != null) {
							steps.add(step);
						}
					}
				}
			}
		}
		steps.forEach(step -> bySource.putIfAbsent(CompileProblem.location(step), step));
	}

	/** The element written at this source, or the fallback when it is not in this file (or not known). */
	EObject at(String source, EObject fallback) {
		return source == null ? fallback : bySource().getOrDefault(source, fallback);
	}
}
