package org.pagewright.ui.outline;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.pagewright.ui.editor.DocumentResources;
import org.pagewright.ui.outline.LayoutOutline.Node;

/** The Outline view's page for a layout editor: rebuilt shortly after each edit; selecting a line reveals it. */
public class LayoutOutlinePage extends ContentOutlinePage {

	private static final int REFRESH_DELAY_MILLIS = 400;

	private final ITextEditor editor;
	private final IDocument document;
	private final IDocumentListener refreshLater = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			scheduleRefresh();
		}
	};
	private boolean refreshScheduled;

	public LayoutOutlinePage(ITextEditor editor) {
		this.editor = editor;
		this.document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new NodeContent());
		viewer.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((Node) element).label();
			}
		});
		refresh();
		document.addDocumentListener(refreshLater);
	}

	/** Rebuilds the tree from the document's current text. */
	public void refresh() {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		try {
			viewer.setInput(LayoutOutline.of(DocumentResources.parse(document, document.get())));
			viewer.expandAll();
		} catch (IOException | RuntimeException e) {
			ILog.of(getClass()).error("Cannot outline " + editor.getTitle(), e);
		}
	}

	private void scheduleRefresh() {
		TreeViewer viewer = getTreeViewer();
		if (refreshScheduled || viewer == null || viewer.getControl().isDisposed()) {
			return;
		}
		refreshScheduled = true;
		viewer.getControl().getDisplay().timerExec(REFRESH_DELAY_MILLIS, () -> {
			refreshScheduled = false;
			refresh();
		});
	}

	@Override
	public void selectionChanged(SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (event.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof Node node) {
			editor.selectAndReveal(node.offset(), 0);
		}
	}

	@Override
	public void dispose() {
		document.removeDocumentListener(refreshLater);
		super.dispose();
	}

	private static final class NodeContent implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			return ((Node) parent).children().toArray();
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return !((Node) element).children().isEmpty();
		}
	}
}
