package org.pagewright.ui.view;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * "Look Up Address in Page Tables" (editor context menu): the selected address expression, or the one under the
 * caret, walked in the state the Page Tables view shows.
 */
public class LookUpAddressHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (!(editor instanceof ITextEditor text) || !(editor.getEditorInput() instanceof IFileEditorInput input)) {
			return null;
		}
		IDocument document = text.getDocumentProvider().getDocument(editor.getEditorInput());
		ITextSelection selection = (ITextSelection) text.getSelectionProvider().getSelection();
		String address = selection.getLength() > 0 ? selection.getText() : expressionAt(document.get(), selection.getOffset());
		try {
			PageTablesView view = (PageTablesView) editor.getSite().getPage().showView(PageTablesView.ID, null,
					IWorkbenchPage.VIEW_VISIBLE);
			view.showFile(input.getFile());
			view.lookUp(address);
		} catch (PartInitException e) {
			throw new ExecutionException("Cannot open the Page Tables view", e);
		}
		return null;
	}

	/** The address expression around offset: a number, a symbol, or lm_alias(…)/page_address(…) of one. */
	static String expressionAt(String text, int offset) {
		int start = offset;
		while (start > 0 && (word(text.charAt(start - 1)) || text.charAt(start - 1) == '(')) {
			start--;
		}
		int end = offset;
		while (end < text.length() && (word(text.charAt(end)) || text.charAt(end) == '(')) {
			end++;
		}
		long open = text.substring(start, end).chars().filter(c -> c == '(').count();
		while (open > 0 && end < text.length() && text.charAt(end) == ')') {
			end++;
			open--;
		}
		return text.substring(start, end).replaceFirst("^\\(+", "");
	}

	private static boolean word(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}
}
