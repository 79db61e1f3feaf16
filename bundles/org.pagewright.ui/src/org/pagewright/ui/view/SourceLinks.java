package org.pagewright.ui.view;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;

/**
 * Opens "file.layout:12", the source the compiler records for a check or a step, in the layout editor. The file
 * is the viewed file or one it imports, beside it.
 */
final class SourceLinks {

	private SourceLinks() {
	}

	static int line(String source) {
		int colon = source == null ? -1 : source.lastIndexOf(':');
		try {
			return colon < 0 ? -1 : Integer.parseInt(source.substring(colon + 1));
		} catch (NumberFormatException e) {
			return -1;
		}
	}

	static IFile fileOf(IFile viewed, String source) {
		int colon = source == null ? -1 : source.lastIndexOf(':');
		String name = colon < 0 ? viewed.getName() : source.substring(0, colon);
		return name.equals(viewed.getName()) ? viewed : viewed.getParent().getFile(org.eclipse.core.runtime.IPath.fromOSString(name));
	}

	/** Opens the source and selects its line; false when it cannot be found. */
	static boolean open(IFile viewed, String source) {
		int line = line(source);
		IFile file = fileOf(viewed, source);
		if (line < 1 || !file.exists()) {
			return false;
		}
		try {
			IEditorPart editor = IDE.openEditor(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), file);
			if (editor instanceof ITextEditor text) {
				IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
				IRegion region = document.getLineInformation(line - 1);
				text.selectAndReveal(region.getOffset(), region.getLength());
			}
			return true;
		} catch (PartInitException | BadLocationException e) {
			ILog.of(SourceLinks.class).warn("Cannot open " + source, e);
			return false;
		}
	}
}
