package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.lang.tests.SampleSeries;
import org.pagewright.ui.outline.LayoutOutlinePage;

/** The Outline view shows a layout file's elements, follows edits, and reveals what is selected in it. */
class OutlineTest {

	private static final String TEXT = SampleSeries.UNMAP_DATA_ALIAS.formatted("ok");

	private IProject project;
	private ITextEditor editor;
	private LayoutOutlinePage outline;

	@BeforeEach
	void openEditorAndOutline() throws CoreException {
		project = Workbench.project("outline-test");
		editor = (ITextEditor) IDE.openEditor(Workbench.page(), Workbench.file(project, "outline.layout", TEXT));
		ContentOutline view = (ContentOutline) Workbench.page().showView(IPageLayout.ID_OUTLINE);
		Workbench.page().activate(editor);
		outline = (LayoutOutlinePage) view.getCurrentPage();
	}

	@AfterEach
	void closeAll() throws CoreException {
		Workbench.page().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void theOutlineListsPlatformImagePolicySeriesAndChecks() {
		assertEquals(List.of("platform small", "image img (3 symbols)", "policy base on small with img",
				"series unmap on base", "checks review on unmap after 1 (3)"), labels(tree().getItems()));
		assertEquals(List.of("boot (1 step)"), labels(tree().getItem(2).getItems()));
		assertEquals(List.of("patch 1 \"unmap the data alias\""), labels(tree().getItem(3).getItems()));
	}

	@Test
	void selectingAPatchRevealsItInTheEditor() {
		Object patch = tree().getItem(3).getItem(0).getData();

		outline.setSelection(new StructuredSelection(patch));

		assertEquals(TEXT.indexOf("patch 1"), ((ITextSelection) editor.getSelectionProvider().getSelection()).getOffset());
	}

	@Test
	void renamingTheSeriesUpdatesTheOutline() throws BadLocationException, PartInitException {
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		document.replace(TEXT.indexOf("series unmap") + "series ".length(), "unmap".length(), "hide");

		assertTrue(Workbench.waitUntil(() -> labels(tree().getItems()).contains("series hide on base"), 10_000),
				() -> "outline is " + labels(tree().getItems()));
	}

	private Tree tree() {
		return (Tree) outline.getControl();
	}

	private static List<String> labels(TreeItem[] items) {
		return Arrays.stream(items).map(TreeItem::getText).toList();
	}
}
