package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.editor.LayoutMarkers;
import org.pagewright.ui.editor.LayoutTextHover;

/** Hover and quick fixes in the workbench, on the language's own services. */
class HoverAndQuickFixTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.project("hover-quickfix-test");
	}

	@AfterEach
	void closeEditorsAndDeleteProject() throws CoreException {
		Workbench.page().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void hoveringSymbolArithmeticShowsTheAddressAndItsNearestSymbol() throws CoreException {
		String text = """
				image vmlinux {
				  symbol _text = 0xffff800080000000
				  symbol _stext = _text + 64K
				}
				""";
		ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), Workbench.file(project, "hover.layout", text));
		ITextViewer viewer = (ITextViewer) editor.getAdapter(ITextOperationTarget.class);

		String hover = new LayoutTextHover().getHoverInfo(viewer, new Region(text.indexOf("_text + 64K") + 6, 0));

		assertEquals("0xffff800080010000 = _stext", hover);
	}

	@Test
	void aLongHoverWrapsAtTheHoverWidthInsteadOfRunningOffTheScreen() {
		org.eclipse.jface.text.IInformationControl control = new LayoutTextHover().getHoverControlCreator()
				.createInformationControl(Workbench.page().getWorkbenchWindow().getShell());
		try {
			control.setSizeConstraints(400, 600);
			control.setInformation("a range of 7288K " + "with words that make one long unbroken hover line ".repeat(8)
					+ "<end> & more");
			org.eclipse.swt.graphics.Point size = control.computeSizeHint();
			int trim = ((org.eclipse.jface.text.IInformationControlExtension3) control).computeTrim().width;
			assertTrue(size.x <= 400 + trim, "hover " + size.x + " px wide, trim " + trim);
			assertTrue(size.y > 40, "the text took several lines: " + size.y + " px");
		} finally {
			control.dispose();
		}
	}

	@Test
	void theQuickFixOfAMisnamedCpuFeatureRenamesItInTheOpenEditor() throws CoreException {
		IFile file = Workbench.file(project, "fix.layout", "platform p {\n  kernel 6.18\n  cpu bbml3\n}\n");
		ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
		assertTrue(Workbench.waitUntil(() -> fixableMarker(file).isPresent(), 20_000), "no fixable marker appeared");

		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(fixableMarker(file).get());
		assertEquals(1, fixes.length, () -> Arrays.toString(fixes));
		fixes[0].run(fixableMarker(file).get());

		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		assertEquals("platform p {\n  kernel 6.18\n  cpu bbml2_noabort\n}\n", document.get());
	}

	@Test
	void anUnsupportedGranuleOffersTheThreeGranulesAndTheChosenOneReplacesIt() throws CoreException {
		IFile file = Workbench.file(project, "granule.layout", "platform p {\n  kernel 6.18\n  granule 5K\n}\n");
		ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
		assertTrue(Workbench.waitUntil(() -> fixableMarker(file).isPresent(), 20_000), "no fixable marker appeared");

		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(fixableMarker(file).get());
		assertEquals(List.of("Use granule 4K", "Use granule 16K", "Use granule 64K"),
				Arrays.stream(fixes).map(IMarkerResolution::getLabel).toList());
		fixes[1].run(fixableMarker(file).get());

		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		assertEquals("platform p {\n  kernel 6.18\n  granule 16K\n}\n", document.get());
	}

	private static Optional<IMarker> fixableMarker(IFile file) {
		try {
			return Arrays.stream(file.findMarkers(LayoutMarkers.TYPE, false, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(LayoutMarkers.ISSUE_CODE, null) != null
							&& m.getAttribute(IMarker.LINE_NUMBER, -1) == 3)
					.findFirst();
		} catch (CoreException e) {
			return Optional.empty();
		}
	}
}
