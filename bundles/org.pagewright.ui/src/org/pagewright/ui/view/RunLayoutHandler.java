package org.pagewright.ui.view;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.pagewright.ui.checks.LayoutCheckJob;

/**
 * "Run" (Ctrl+Alt+R): runs the active layout editor's text, saved or not, and shows the Page Tables view. The
 * file on disk is not touched; the run's failures are marked as after a save.
 */
public class RunLayoutHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (editor instanceof ITextEditor text && editor.getEditorInput() instanceof IFileEditorInput input) {
			String contents = text.getDocumentProvider().getDocument(editor.getEditorInput()).get();
			IWorkbenchPage page = editor.getSite().getPage();
			try {
				PageTablesView view = (PageTablesView) page.showView(PageTablesView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
				view.showFile(input.getFile());
			} catch (PartInitException e) {
				// the run still happens; its markers show the outcome
			}
			new LayoutCheckJob(input.getFile(), contents).schedule();
		}
		return null;
	}
}
