package org.pagewright.lang.validation;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.validation.ResourceValidatorImpl;
import org.pagewright.lang.DeepStack;

/** Validation on a deep stack: EMF validates containment recursively, and a long sum nests one level per term. */
public class DeepStackResourceValidator extends ResourceValidatorImpl {

	@Override
	public List<Issue> validate(Resource resource, CheckMode mode, CancelIndicator indicator) {
		return DeepStack.call(() -> super.validate(resource, mode, indicator));
	}
}
