package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.lang.tests.SampleSeries;
import org.pagewright.ui.checks.LayoutCheckJob;
import org.pagewright.ui.editor.LayoutMarkers;

/** Saving a layout file runs its checks; the ones that fail are problem markers on their own lines. */
class ChecksOnSaveTest {

	private static final String LAYOUT = SampleSeries.UNMAP_DATA_ALIAS;

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.project("checks-on-save-test");
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@Test
	void aCheckThatFailsIsMarkedOnItsLineAndTheMarkerGoesWhenItHolds() throws CoreException {
		IFile file = Workbench.file(project, "review.layout", LAYOUT.formatted("ok"));

		assertTrue(Workbench.waitUntil(() -> failures(file).length == 1, 60_000), "the failed check was not marked");
		IMarker failure = failures(file)[0];
		assertEquals(25, failure.getAttribute(IMarker.LINE_NUMBER, -1));
		String message = failure.getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.contains("level 3 translation fault (FSC 0x07"), message);

		Workbench.file(project, "review.layout", LAYOUT.formatted("fault level 3 translation"));

		assertTrue(Workbench.waitUntil(() -> failures(file).length == 0 && idle(), 60_000),
				"the marker stayed after the check held");
	}

	@Test
	void aFailedCheckMarkerMovesWithTheTextWhileEditingBeforeTheNextSave() throws Exception {
		IFile file = Workbench.file(project, "moving.layout", LAYOUT.formatted("ok"));
		org.eclipse.ui.texteditor.ITextEditor editor = (org.eclipse.ui.texteditor.ITextEditor) org.eclipse.ui.ide.IDE
				.openEditor(Workbench.page(), file);
		assertTrue(Workbench.waitUntil(() -> failures(file).length == 1 && idle(), 60_000), "the failed check was not marked");
		org.eclipse.jface.text.IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		org.eclipse.jface.text.source.IAnnotationModel annotations = editor.getDocumentProvider()
				.getAnnotationModel(editor.getEditorInput());

		document.replace(0, 0, "// two lines\n// added above\n");
		Workbench.waitUntil(() -> false, 500); // the reconciler validates the unsaved text meanwhile

		org.eclipse.jface.text.Position at = null;
		for (var it = annotations.getAnnotationIterator(); it.hasNext();) {
			var annotation = it.next();
			if (annotation instanceof org.eclipse.ui.texteditor.MarkerAnnotation m
					&& m.getMarker().getType().equals(LayoutMarkers.CHECK_FAILURE)) {
				at = annotations.getPosition(annotation);
			}
		}
		assertNotNull(at, "no failed-check annotation in the editor");
		assertEquals(27, document.getLineOfOffset(at.getOffset()) + 1, "the failed check's annotation stayed behind");
		editor.doRevertToSaved();
	}

	private static boolean idle() {
		return Job.getJobManager().find(LayoutCheckJob.FAMILY).length == 0;
	}

	private static IMarker[] failures(IFile file) {
		try {
			return file.findMarkers(LayoutMarkers.CHECK_FAILURE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}
}
