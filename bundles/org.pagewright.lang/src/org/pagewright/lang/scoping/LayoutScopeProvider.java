package org.pagewright.lang.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.LayoutPackage;
import org.pagewright.lang.naming.LayoutContexts;
import org.pagewright.lang.naming.StepNames;

/**
 * Symbols are found by simple name in the image of the enclosing policy (as System.map names them); steps by their
 * label or recipe name among those of the series' policy and of earlier patches.
 */
public class LayoutScopeProvider extends AbstractLayoutScopeProvider {

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == LayoutPackage.Literals.SYMBOL_REF__SYMBOL) {
			Image image = LayoutContexts.imageOf(context);
			if (image != null) {
				return Scopes.scopeFor(image.getSymbols(), super.getScope(context, reference));
			}
		}
		if (reference.getEReferenceType() == LayoutPackage.Literals.STEP) {
			return Scopes.scopeFor(LayoutContexts.stepsVisibleAt(context),
					step -> {
						String name = StepNames.nameOf(step);
						return name == null ? null : QualifiedName.create(name);
					}, IScope.NULLSCOPE);
		}
		return super.getScope(context, reference);
	}
}
