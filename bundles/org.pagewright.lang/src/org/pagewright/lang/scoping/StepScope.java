package org.pagewright.lang.scoping;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.pagewright.lang.layout.Step;

/**
 * The steps an edit may name: a lookup by name answered by the series' index (what linking asks), everything else
 * (content assist's list of all steps, lookups by object) by the visible steps as a list.
 */
final class StepScope implements IScope {
	private final Supplier<IScope> visibleSteps;
	private final Function<String, Step> byName;
	private IScope visible;

	/** {@code visibleSteps}: made only when asked for more than a name (a list of thousands of steps per edit). */
	StepScope(Supplier<IScope> visibleSteps, Function<String, Step> byName) {
		this.visibleSteps = visibleSteps;
		this.byName = byName;
	}

	private IScope visible() {
		if (visible == null) {
			visible = visibleSteps.get();
		}
		return visible;
	}

	@Override
	public IEObjectDescription getSingleElement(QualifiedName name) {
		Step step = name.getSegmentCount() == 1 ? byName.apply(name.getFirstSegment()) : null;
		return step == null ? null : EObjectDescription.create(name, step);
	}

	@Override
	public Iterable<IEObjectDescription> getElements(QualifiedName name) {
		IEObjectDescription single = getSingleElement(name);
		return single == null ? List.of() : List.of(single);
	}

	@Override
	public IEObjectDescription getSingleElement(EObject object) {
		return visible().getSingleElement(object);
	}

	@Override
	public Iterable<IEObjectDescription> getElements(EObject object) {
		return visible().getElements(object);
	}

	@Override
	public Iterable<IEObjectDescription> getAllElements() {
		return visible().getAllElements();
	}
}
