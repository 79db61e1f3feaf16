package org.pagewright.ui.outline;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;

/** Gives the Pagewright layout editor (a Generic Editor, which has no outline of its own) its outline page. */
public class LayoutOutlineAdapterFactory implements IAdapterFactory {

	/** Editor id declared in plugin.xml. */
	public static final String LAYOUT_EDITOR = "org.pagewright.ui.layoutEditor";

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> type) {
		if (type == IContentOutlinePage.class && adaptable instanceof ITextEditor editor
				&& editor.getSite() != null && LAYOUT_EDITOR.equals(editor.getSite().getId())) {
			return type.cast(new LayoutOutlinePage(editor));
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IContentOutlinePage.class };
	}
}
