package org.pagewright.ui.editor;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.pagewright.ui.LayoutLanguage;

import com.google.inject.Injector;

/**
 * Format (Ctrl+Shift+F) in the layout editor: the language's formatter (the one the language server uses) applied
 * to the whole document as one undoable change. A document with syntax errors is left as it is.
 */
public class FormatLayoutHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (editor instanceof ITextEditor text) {
			IDocument document = text.getDocumentProvider().getDocument(editor.getEditorInput());
			try {
				format(document);
			} catch (IOException | BadLocationException e) {
				throw new ExecutionException("Cannot format " + editor.getTitle(), e);
			}
		}
		return null;
	}

	/** Formats a layout document in place; false when it has syntax errors and was left unchanged. */
	public static boolean format(IDocument document) throws IOException, BadLocationException {
		XtextResource resource = DocumentResources.parse(document, document.get());
		if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
			return false;
		}
		Injector injector = LayoutLanguage.injector();
		ITextRegionAccess access = injector.getInstance(TextRegionAccessBuilder.class).forNodeModel(resource).create();
		FormatterRequest request = injector.getInstance(FormatterRequest.class);
		request.setTextRegionAccess(access);
		request.setAllowIdentityEdits(false);
		List<ITextReplacement> replacements = injector.getInstance(IFormatter2.class).format(request).stream()
				.sorted(Comparator.comparingInt(ITextReplacement::getOffset).reversed()).toList();
		DocumentRewriteSession session = document instanceof IDocumentExtension4 d
				? d.startRewriteSession(DocumentRewriteSessionType.UNRESTRICTED_SMALL) : null;
		try {
			for (ITextReplacement r : replacements) {
				document.replace(r.getOffset(), r.getLength(), r.getReplacementText());
			}
		} finally {
			if (session != null) {
				((IDocumentExtension4) document).stopRewriteSession(session);
			}
		}
		return true;
	}
}
