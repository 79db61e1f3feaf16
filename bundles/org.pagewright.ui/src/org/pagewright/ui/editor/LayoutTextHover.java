package org.pagewright.ui.editor;

import java.io.IOException;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.ui.editors.text.EditorsUI;
import org.pagewright.lang.ide.hover.LayoutHoverText;
import org.pagewright.ui.LayoutLanguage;

/**
 * Hover in the layout editor: the language's hover text (nearest symbol + offset, sizes in units, prot meaning),
 * shown in a control that wraps long lines at the hover's width instead of running off the screen.
 */
public class LayoutTextHover implements ITextHover, ITextHoverExtension {

	@Override
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		IDocument document = viewer.getDocument();
		try {
			String text = LayoutLanguage.injector().getInstance(LayoutHoverText.class)
					.textAt(DocumentResources.parse(document, document.get()), region.getOffset());
			return text == null ? null : asHtml(text);
		} catch (IOException | RuntimeException e) {
			ILog.of(getClass()).error("Hover failed", e);
			return null;
		}
	}

	/** The wrapping presenter reads HTML: escape the text and keep its line breaks. */
	static String asHtml(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}

	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return parent -> new DefaultInformationControl(parent, EditorsUI.getTooltipAffordanceString());
	}
}
