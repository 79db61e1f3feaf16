package org.pagewright.lang;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.IDiagnosticConsumer;
import org.eclipse.xtext.linking.lazy.LazyLinker;

/** Linking on a deep stack: installing proxies recurses once per nesting level of the node model (DeepStack). */
public class DeepStackLinker extends LazyLinker {

	@Override
	public void linkModel(EObject model, IDiagnosticConsumer diagnosticsConsumer) {
		DeepStack.call(() -> {
			super.linkModel(model, diagnosticsConsumer);
			return null;
		});
	}

	/**
	 * A resource being loaded was just parsed: the parser sets no cross-reference, so there is nothing to clear, and
	 * the default unset every reference of every object (each with a notification) before installing the proxies. A
	 * partial reparse or relink of a loaded resource keeps the old objects and their links: those are cleared.
	 */
	@Override
	protected boolean isClearAllReferencesRequired(Resource resource) {
		return !(resource instanceof Resource.Internal loading && loading.isLoading());
	}
}
