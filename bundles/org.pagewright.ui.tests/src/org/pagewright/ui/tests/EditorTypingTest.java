package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.editor.FormatLayoutHandler;
import org.pagewright.ui.editor.LayoutContentAssistProcessor;
import org.pagewright.ui.editor.LayoutHyperlinkDetector;

/** Typing in the layout editor as a user does: Enter, braces, F3, Format. */
class EditorTypingTest {
	private IProject project;
	private ITextEditor editor;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.project("editor-typing-test");
	}

	@AfterEach
	void closeEditorsAndDeleteProject() throws CoreException {
		Workbench.page().closeAllEditors(false);
		project.delete(true, true, null);
	}

	private IDocument open(String name, String text) throws CoreException {
		IFile file = Workbench.file(project, name, text);
		editor = (ITextEditor) IDE.openEditor(Workbench.page(), file);
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	private StyledText widget() {
		return (StyledText) editor.getAdapter(Control.class);
	}

	/** Key presses as the keyboard sends them to the editor's widget (verify-key listeners see them first). */
	private void type(String keys) {
		for (char c : keys.toCharArray()) {
			Event e = new Event();
			e.character = c == '\n' ? '\r' : c;
			e.keyCode = c == '\n' ? SWT.CR : c;
			widget().notifyListeners(SWT.KeyDown, e);
			widget().notifyListeners(SWT.KeyUp, e);
			Workbench.waitUntil(() -> false, 30);
		}
	}

	@Test
	void enterAfterABraceIndentsAndNoProposalIsInsertedByItself() throws CoreException {
		IDocument document = open("typing.layout", "");
		widget().setFocus();

		type("platform p {");
		Workbench.waitUntil(() -> false, 1500); // longer than any auto-activation delay
		type("\n");

		assertEquals("platform p {\n  \n}", document.get());
		assertEquals("platform p {\n  ".length(), widget().getCaretOffset());
	}

	/**
	 * The product's customization turns off the Generic Editor's own activation on any letter or digit: typed in
	 * full and paused on, a line gets no proposal, and Enter after it is a new line (once it inserted "secret").
	 */
	@Test
	void aPauseAfterDigitsOpensNoProposalAndEnterIsANewLine() throws CoreException {
		IDocument document = open("pause.layout", "image k {\n  ");
		widget().setFocus();
		widget().setCaretOffset(document.getLength());

		type("load phys 0x4020_0000 virt 0xffff800080000000");
		Workbench.waitUntil(() -> false, 1500); // longer than the Generic Editor's activation delay
		type("\n");

		assertEquals("image k {\n  load phys 0x4020_0000 virt 0xffff800080000000\n  ", document.get());
		assertFalse(org.eclipse.core.runtime.Platform.getPreferencesService().getBoolean("org.eclipse.ui.genericeditor",
				"contentAssistant.autoActivationOnType", true, null), "the product's plugin_customization.ini is not in effect");
	}

	@Test
	void openersGetTheirClosersAndATypedCloserStepsOverIt() throws CoreException {
		IDocument document = open("braces.layout", "");
		widget().setFocus();

		type("checks c on s {\nno_leak [a, b) via linear");

		// '{' brought its '}', Enter put it on its own line; '[' brought ')' (ranges are half-open), and the ')'
		// typed after "b" stepped over it
		assertEquals("checks c on s {\n  no_leak [a, b) via linear\n}", document.get());
	}

	@Test
	void aClosingBraceTypedOnAnEmptyLineGoesBackOneLevel() throws CoreException {
		IDocument document = open("dedent.layout", "platform p {\n  granule 4K\n  ");
		widget().setFocus();
		widget().setCaretOffset(document.getLength());

		type("}");

		assertEquals("platform p {\n  granule 4K\n}", document.get());
	}

	@Test
	void proposalsPopUpByThemselvesOnlyAfterAnOpeningParenthesis() {
		LayoutContentAssistProcessor processor = new LayoutContentAssistProcessor();
		for (char c : "abz{}5K +-\n".toCharArray()) {
			assertFalse(processor.isCompletionProposalAutoActivation(c, null, 0), "auto-activated on '" + c + "'");
		}
		assertTrue(processor.isCompletionProposalAutoActivation('(', null, 0));
	}

	@Test
	void f3OnASymbolReferenceSelectsItsDeclaration() throws CoreException {
		String text = """
				image img {
				  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
				  symbol _text = 0xffff800080000000
				  symbol _etext = _text + 16M
				}
				""";
		open("f3.layout", text);
		int reference = text.indexOf("_text + 16M") + 2;

		IHyperlink[] links = new LayoutHyperlinkDetector().detectHyperlinks(editor.getAdapter(ITextViewer.class),
				new Region(reference, 0), false);

		assertNotNull(links, "no hyperlink on the reference");
		assertEquals(text.indexOf("_text + 16M"), links[0].getHyperlinkRegion().getOffset());
		links[0].open();
		ITextSelection selection = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(text.indexOf("_text ="), selection.getOffset());
		assertEquals("_text", selection.getText());
	}

	@Test
	void formatIndentsAsTheLanguageServerDoes() throws Exception {
		IDocument document = open("format.layout", "platform p {\ngranule 4K\n      va_bits 48\n}\n");

		assertTrue(FormatLayoutHandler.format(document));

		assertEquals("platform p {\n  granule 4K\n  va_bits 48\n}\n", document.get());
		IDocument broken = open("broken-format.layout", "platform p {\ngranule\n");
		assertFalse(FormatLayoutHandler.format(broken), "a document with syntax errors is left alone");
		assertEquals("platform p {\ngranule\n", broken.get());
	}
}
