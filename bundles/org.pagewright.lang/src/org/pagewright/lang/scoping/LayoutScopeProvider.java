package org.pagewright.lang.scoping;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.MapBasedScope;
import org.eclipse.xtext.scoping.impl.SimpleScope;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.pagewright.lang.layout.Expression;

import com.google.inject.Inject;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.LayoutPackage;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.Step;
import org.pagewright.lang.naming.LayoutContexts;
import org.pagewright.lang.naming.SeriesSteps;
import org.pagewright.lang.naming.StepNames;

/**
 * Symbols are found by simple name in the image of the enclosing policy (as System.map names them); steps by their
 * label or recipe name among those of the series' policy and of earlier patches.
 */
public class LayoutScopeProvider extends AbstractLayoutScopeProvider {

	private static final String SYMBOLS = "LayoutScopeProvider.symbols";

	private static final String SYMBOLS_OF_ELEMENT = "LayoutScopeProvider.symbolsOfElement";

	@Inject
	private IResourceScopeCache cache;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		// expressions open no scope: start above them, so a 10,000-term sum is not 10,000 nested scope lookups
		while (context instanceof Expression && context.eContainer() != null) {
			context = context.eContainer();
		}
		if (reference == LayoutPackage.Literals.SYMBOL_REF__SYMBOL) {
			IScope symbols = symbolScope(context);
			if (symbols != null) {
				return symbols;
			}
			Image image = LayoutContexts.imageOf(context);
			if (image != null) {
				return Scopes.scopeFor(image.getSymbols(), super.getScope(context, reference));
			}
		}
		if (reference.getEReferenceType() == LayoutPackage.Literals.STEP) {
			EObject at = context;
			Series series = EcoreUtil2.getContainerOfType(context, Series.class);
			if (series == null || context.eResource() == null) { // a checks block's `at step`, or a bare model
				return scopeOf(LayoutContexts.stepsVisibleAt(at));
			}
			// linking asks by name: answered from the series' index (one per resource state), not by a scan
			SeriesSteps index = cache.get(Tuples.pair(SeriesSteps.class, series), context.eResource(),
					() -> SeriesSteps.of(series));
			return new StepScope(() -> scopeOf(index.visibleAt(at)), name -> index.visibleAt(at, name));
		}
		return super.getScope(context, reference);
	}

	/**
	 * The symbols of the context's image as one map per image and resource state: a lookup is a hash probe, not a
	 * scan of 100,000 symbols. A symbol is the image's or none (a reference is a plain ID, no qualified name reaches
	 * another image), so no outer scope: that would index every object of the resource and of its imports. The image
	 * follows from the top-level element the context is in (LayoutContexts.imageOf), so each element asks once; its
	 * 100,000 references find the map by one walk up instead of one per kind of enclosing element. Null for a
	 * context outside a resource or without an image.
	 */
	private IScope symbolScope(EObject context) {
		EObject topLevel = LayoutContexts.topLevel(context);
		Resource resource = topLevel.eResource();
		if (resource == null) {
			return null;
		}
		IScope scope = cache.get(Tuples.pair(SYMBOLS_OF_ELEMENT, topLevel), resource, () -> {
			Image image = LayoutContexts.imageOf(topLevel);
			return image == null ? NO_IMAGE : cache.get(Tuples.pair(SYMBOLS, image), resource,
					() -> MapBasedScope.createScope(IScope.NULLSCOPE, Scopes.scopedElementsFor(image.getSymbols())));
		});
		return scope == NO_IMAGE ? null : scope;
	}

	/** Cached for an element without an image (null would be computed again). */
	private static final IScope NO_IMAGE = new SimpleScope(List.of());

	private static IScope scopeOf(List<Step> steps) {
		return Scopes.scopeFor(steps, step -> {
			String name = StepNames.nameOf(step);
			return name == null ? null : QualifiedName.create(name);
		}, IScope.NULLSCOPE);
	}
}
