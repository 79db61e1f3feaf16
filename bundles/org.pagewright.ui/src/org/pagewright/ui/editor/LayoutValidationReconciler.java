package org.pagewright.ui.editor;

import org.eclipse.jface.text.reconciler.MonoReconciler;

/** Validates the layout editor's text as the user types and shows the diagnostics as problem markers. */
public class LayoutValidationReconciler extends MonoReconciler {

	public LayoutValidationReconciler() {
		super(new LayoutValidationStrategy(), false);
		setDelay(300);
	}
}
