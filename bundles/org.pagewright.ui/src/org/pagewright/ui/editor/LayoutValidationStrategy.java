package org.pagewright.ui.editor;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

/**
 * Validates the document (syntax, linking, @Check rules) after each typing pause, parsing again only the region that
 * changed ({@link Validations#whileTyping}), and replaces the file's markers.
 */
class LayoutValidationStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private IDocument document;
	private IProgressMonitor monitor;

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		this.monitor = monitor;
	}

	@Override
	public void initialReconcile() {
		validate();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		validate();
	}

	@Override
	public void reconcile(IRegion partition) {
		validate();
	}

	private void validate() {
		IFile file = DocumentResources.fileOf(document).orElse(null);
		if (file == null) {
			return; // not a workspace file: nowhere to put markers
		}
		try {
			CancelIndicator cancel = () -> monitor != null && monitor.isCanceled();
			List<Issue> issues = Validations.whileTyping(DocumentResources.uriOf(file), document.get(), cancel).issues();
			if (!cancel.isCanceled()) {
				LayoutMarkers.replace(file, LayoutMarkers.TYPE, issues);
			}
		} catch (OperationCanceledError e) {
			// the user typed on: the next reconcile validates the newer text
		} catch (IOException | RuntimeException e) {
			ILog.of(getClass()).error("Validation of " + file.getFullPath() + " failed", e);
		}
	}
}
