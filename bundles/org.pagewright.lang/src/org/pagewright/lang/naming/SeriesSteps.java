package org.pagewright.lang.naming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.EcoreUtil2;
import org.pagewright.lang.layout.Edit;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.PhaseSteps;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.Step;

/**
 * The steps of a series by name, numbered in the order the series brings them in: the policy's first, then each
 * step an edit inserts, patch by patch. An edit sees the steps numbered before it, so the step a name means there
 * is the last one of that name before it ({@link LayoutContexts#stepsVisibleAt}, as a lookup in log n instead of a
 * scan: a patch of 10,000 edits links in n log n).
 */
public final class SeriesSteps {
	private final Map<String, List<Integer>> ordersByName = new HashMap<>();
	private final List<Step> byOrder = new ArrayList<>();
	private final Map<Edit, Integer> editOrder = new IdentityHashMap<>();
	private final Map<Patch, Integer> endOfPatch = new IdentityHashMap<>();

	private SeriesSteps() {
	}

	public static SeriesSteps of(Series series) {
		SeriesSteps index = new SeriesSteps();
		Policy policy = series.getPolicy() == null || series.getPolicy().eIsProxy() ? null : series.getPolicy();
		if (policy != null) {
			for (PhaseSteps phase : policy.getPhases()) {
				phase.getSteps().forEach(index::add);
			}
		}
		for (Patch patch : series.getPatches()) {
			for (Edit edit : patch.getEdits()) {
				index.editOrder.put(edit, index.byOrder.size()); // before its own step: an edit does not see it
				Step inserted = LayoutContexts.insertedBy(edit);
				if (inserted != null) {
					index.add(inserted);
				}
			}
			index.endOfPatch.put(patch, index.byOrder.size());
		}
		return index;
	}

	private void add(Step step) {
		String name = StepNames.nameOf(step);
		if (name != null) {
			ordersByName.computeIfAbsent(name, n -> new ArrayList<>()).add(byOrder.size());
		}
		byOrder.add(step);
	}

	/** The steps an edit or patch at {@code context} sees, most recent first (removed ones too: validation says so). */
	public List<Step> visibleAt(EObject context) {
		return List.copyOf(byOrder.subList(0, limitAt(context))).reversed();
	}

	/** The step {@code name} means at {@code context} (inside an edit or a patch of the series); null if none. */
	public Step visibleAt(EObject context, String name) {
		List<Integer> orders = ordersByName.get(name);
		if (orders == null) {
			return null;
		}
		int limit = limitAt(context);
		int lo = 0;
		int hi = orders.size(); // the first order not below the limit
		while (lo < hi) {
			int mid = (lo + hi) >>> 1;
			if (orders.get(mid) < limit) {
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return lo == 0 ? null : byOrder.get(orders.get(lo - 1));
	}

	private int limitAt(EObject context) {
		Edit edit = EcoreUtil2.getContainerOfType(context, Edit.class);
		if (edit != null && editOrder.containsKey(edit)) {
			return editOrder.get(edit);
		}
		Patch patch = EcoreUtil2.getContainerOfType(context, Patch.class);
		return patch != null && endOfPatch.containsKey(patch) ? endOfPatch.get(patch) : byOrder.size();
	}
}
