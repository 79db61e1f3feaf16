package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.editor.LayoutMarkers;

/** The layout editor as a user meets it: a .layout file opened in the workbench, Ctrl+Space, problem markers. */
class LayoutEditorTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.project("layout-editor-test");
	}

	@AfterEach
	void closeEditorsAndDeleteProject() throws CoreException {
		Workbench.page().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void aLayoutFileOpensInThePagewrightEditor() throws CoreException {
		IEditorPart editor = open(Workbench.file(project, "open.layout", "platform p {\n}\n"));
		assertEquals("org.pagewright.ui.layoutEditor", editor.getSite().getId());
	}

	@Test
	void ctrlSpaceInsideAPlatformProposesItsSettings() throws CoreException {
		String text = "platform qemu {\n  \n}\n";
		ITextEditor editor = (ITextEditor) open(Workbench.file(project, "assist.layout", text));
		editor.selectAndReveal(text.indexOf("  \n") + 2, 0);

		List<String> proposals = proposalsShownFor(editor);

		assertTrue(proposals.containsAll(List.of("granule", "va_bits", "kernel", "cmdline", "cpu", "dram")),
				() -> "proposals were " + proposals);
	}

	@Test
	void ctrlSpaceAfterCpuProposesTheCpuFeatures() throws CoreException {
		String text = "platform qemu {\n  cpu \n}\n";
		ITextEditor editor = (ITextEditor) open(Workbench.file(project, "cpu.layout", text));
		editor.selectAndReveal(text.indexOf("cpu ") + 4, 0);

		List<String> proposals = proposalsShownFor(editor);

		assertTrue(proposals.containsAll(List.of("bbml2_noabort", "lpa2", "mte")), () -> "proposals were " + proposals);
	}

	@Test
	void ctrlSpaceAtTheTopLevelOffersTemplatesAndNoPunctuation() throws CoreException {
		String text = "platform p {\n  granule 4K\n}\n\n";
		ITextEditor editor = (ITextEditor) open(Workbench.file(project, "templates.layout", text));
		editor.selectAndReveal(text.length(), 0);

		List<String> proposals = proposalsShownFor(editor);

		assertTrue(proposals.contains("series … { } - template"), () -> "proposals were " + proposals);
		assertTrue(proposals.contains("checks … { } - template"), () -> "proposals were " + proposals);
		assertTrue(proposals.stream().noneMatch(p -> p.matches("[{}()+\\-]")), () -> "proposals were " + proposals);
	}

	@Test
	void aSyntaxErrorBecomesAProblemMarkerOnItsLine() throws CoreException {
		IFile file = Workbench.file(project, "broken.layout", "platform p {\n  granule 4K\n  va_bitz 48\n}\n");
		open(file);

		assertTrue(Workbench.waitUntil(() -> markers(file).length > 0, 20_000), "no problem marker appeared");

		IMarker marker = markers(file)[0];
		assertEquals(3, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
	}

	private static IEditorPart open(IFile file) throws CoreException {
		return IDE.openEditor(Workbench.page(), file);
	}

	private static IMarker[] markers(IFile file) {
		try {
			return file.findMarkers(LayoutMarkers.TYPE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}

	/** Presses Ctrl+Space (the editor's content-assist operation) and reads the proposal popup's table. */
	private static List<String> proposalsShownFor(ITextEditor editor) {
		Shell workbenchShell = editor.getSite().getShell();
		editor.getAdapter(ITextOperationTarget.class).doOperation(ISourceViewer.CONTENTASSIST_PROPOSALS);
		List<String> proposals = new ArrayList<>();
		Workbench.waitUntil(() -> {
			proposals.clear();
			Arrays.stream(Display.getCurrent().getShells()).filter(s -> s != workbenchShell && s.isVisible())
					.forEach(shell -> collectTableItems(shell, proposals));
			// the asynchronous popup first shows a "Computing proposals" placeholder row
			return !proposals.isEmpty() && proposals.stream().noneMatch(p -> p.startsWith("Computing proposals"));
		}, 20_000);
		Arrays.stream(Display.getCurrent().getShells()).filter(s -> s != workbenchShell).forEach(Shell::close);
		return proposals;
	}

	private static void collectTableItems(Control control, List<String> into) {
		if (control instanceof Table table) {
			for (TableItem item : table.getItems()) {
				into.add(item.getText());
			}
		} else if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				collectTableItems(child, into);
			}
		}
	}
}
