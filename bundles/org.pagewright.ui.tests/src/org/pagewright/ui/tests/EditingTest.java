package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Typing in the layout editor: colouring follows every edit, and nothing goes to the error log. */
class EditingTest {

	private final List<IStatus> errors = new ArrayList<>();
	private final ILogListener collectErrors = (status, plugin) -> {
		if (status.getSeverity() == IStatus.ERROR) {
			errors.add(status);
		}
	};
	private IProject project;

	@BeforeEach
	void setUp() throws CoreException {
		project = Workbench.project("editing-test");
		Platform.addLogListener(collectErrors);
	}

	@AfterEach
	void tearDown() throws CoreException {
		Platform.removeLogListener(collectErrors);
		Workbench.page().closeAllEditors(false);
		project.delete(true, true, null);
	}

	@Test
	void editsInsideTokensAndCommentsAreRecolouredWithoutErrors() throws CoreException, BadLocationException {
		String text = "/* a comment\n   over lines */\nplatform qemu {\n  granule 4K\n  va_bits 48\n}\n";
		ITextEditor editor = (ITextEditor) IDE.openEditor(Workbench.page(), Workbench.file(project, "edit.layout", text));
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());

		document.replace(text.indexOf("granule") + 3, 0, "x");           // inside a keyword
		document.replace(document.get().indexOf("over") + 2, 0, "\n");    // inside a multi-line comment
		document.replace(document.get().indexOf("48"), 1, "3");           // inside a number
		Workbench.waitUntil(() -> false, 1_500);                          // let the reconcilers run

		assertEquals(List.of(), errors.stream().map(IStatus::getMessage).toList());
	}
}
