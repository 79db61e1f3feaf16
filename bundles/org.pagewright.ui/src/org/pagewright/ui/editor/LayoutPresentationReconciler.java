package org.pagewright.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;

/** Syntax colouring of the layout editor (Generic Editor extension). */
public class LayoutPresentationReconciler extends PresentationReconciler {

	public LayoutPresentationReconciler() {
		DefaultDamagerRepairer damagerRepairer = new DefaultDamagerRepairer(new LayoutTokenScanner());
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}
}
