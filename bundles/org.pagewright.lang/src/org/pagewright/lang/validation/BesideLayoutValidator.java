package org.pagewright.lang.validation;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.pagewright.lang.layout.LayoutPackage;

/**
 * A validator registered beside {@link LayoutValidator} for the layout language that looks only at the objects it
 * has {@code @Check} methods for ({@link CheckedTypes}): Xtext hands it every object, and the others would find no
 * method to run.
 */
public abstract class BesideLayoutValidator extends AbstractDeclarativeValidator {

	private final CheckedTypes checked = new CheckedTypes(getClass());

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(LayoutPackage.eINSTANCE);
	}

	@Override
	protected boolean isResponsible(Map<Object, Object> context, EObject eObject) {
		return checked.covers(eObject) && super.isResponsible(context, eObject);
	}
}
