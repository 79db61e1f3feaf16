package org.pagewright.lang;

import org.eclipse.emf.ecore.EObject;
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
}
