package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.xtext.testing.AbstractLanguageServerTest;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.pagewright.lang.ide.server.LayoutServerModule;
import org.pagewright.lang.validation.LayoutIssueCodes;

import com.google.inject.Module;

/** The language server as LayoutServerLauncher starts it: diagnostics, completion, hover and formatting over LSP. */
class LayoutLanguageServerTest extends AbstractLanguageServerTest {

	LayoutLanguageServerTest() {
		super("layout");
	}

	@Override
	protected Module getServerModule() {
		return LayoutServerModule.create();
	}

	@Test
	void diagnosticsCarryLayoutIssueCodes() {
		initialize();
		String uri = writeFile("bad.layout", LayoutTexts.PLATFORM.replace("va_bits 48", "va_bits 52"));
		open(uri, LayoutTexts.PLATFORM.replace("va_bits 48", "va_bits 52"));
		List<Diagnostic> diagnostics = getDiagnostics().get(uri);
		Assertions.assertEquals(1, diagnostics.size(), diagnostics::toString);
		Assertions.assertEquals(LayoutIssueCodes.VA_BITS_NEED_LPA2, diagnostics.get(0).getCode().getLeft());
		Assertions.assertEquals(2, diagnostics.get(0).getRange().getStart().getLine());
	}

	@Test
	void completionProposesCpuFeatures() {
		testCompletion(it -> {
			it.setModel("platform p {\n  cpu \n}\n");
			it.setLine(1);
			it.setColumn(6);
			it.setAssertCompletionList(list -> assertTrue(
					list.getItems().stream().anyMatch(item -> item.getLabel().equals("bbml2_noabort")),
					() -> list + "\n" + getDiagnostics()));
		});
	}

	@Test
	void hoverShowsTheNearestSymbol() {
		testHover(it -> {
			it.setModel(LayoutTexts.BASE + "checks c on pol { read _text + 0x40 expect ok }");
			it.setLine(23);
			it.setColumn(26);
			it.setAssertHover(hover -> Assertions.assertEquals("0xffff800080000040 = _text + 0x40 (64 bytes)",
					hover.getContents().getRight().getValue()));
		});
	}

	@Test
	void formattingIndentsBlocks() {
		testFormatting(it -> {
			it.setModel("platform p { granule 4K kernel 6.12 }");
			it.setExpectedText("platform p {\n  granule 4K\n  kernel 6.12\n}\n");
		});
	}
}
