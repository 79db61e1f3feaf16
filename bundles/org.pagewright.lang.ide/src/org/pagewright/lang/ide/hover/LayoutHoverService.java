package org.pagewright.lang.ide.hover;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

import com.google.inject.Inject;

/** The language server's hover: {@link LayoutHoverText}, falling back to Xtext's documentation hover. */
public class LayoutHoverService extends HoverService {

	@Inject
	private LayoutHoverText hoverText;

	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		String text = hoverText.textAt(resource, document.getOffSet(params.getPosition()));
		if (text == null) {
			return super.hover(document, resource, params, cancelIndicator);
		}
		return new Hover(new MarkupContent(MarkupKind.PLAINTEXT, text));
	}
}
