package org.pagewright.ui.editor;

import java.io.IOException;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.pagewright.lang.ide.hover.LayoutHoverText;
import org.pagewright.ui.LayoutLanguage;

/** Hover in the layout editor: the language's hover text (nearest symbol + offset, sizes in units, prot meaning). */
public class LayoutTextHover implements ITextHover {

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		IDocument document = viewer.getDocument();
		try {
			return LayoutLanguage.injector().getInstance(LayoutHoverText.class)
					.textAt(DocumentResources.parse(document, document.get()), region.getOffset());
		} catch (IOException | RuntimeException e) {
			ILog.of(getClass()).error("Hover failed", e);
			return null;
		}
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}
}
