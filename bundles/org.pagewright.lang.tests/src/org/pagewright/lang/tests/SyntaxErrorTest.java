package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;

import org.eclipse.emf.ecore.resource.Resource.Diagnostic;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** Bad input ends as located diagnostics, never as an exception. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class SyntaxErrorTest {

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	private List<Diagnostic> parseErrors(String text) throws IOException {
		Resource resource = resourceSets.get().createResource(URI.createURI("dummy.layout"));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
		return resource.getErrors();
	}

	@Test
	void aMisspelledKeywordIsReportedOnItsLine() throws IOException {
		List<Diagnostic> errors = parseErrors("""
				platform p {
				  granule 4K
				  va_bitz 48
				}
				""");
		assertFalse(errors.isEmpty());
		assertEquals(3, errors.get(0).getLine());
		assertTrue(errors.get(0).getMessage().contains("va_bitz"), errors.get(0).getMessage());
	}

	@Test
	void aMisspelledCallIsNamedAsOneOnItsLine() throws IOException {
		List<Diagnostic> errors = parseErrors("checks c on p {\n  read lm_alais(_text) expect ok\n}\n");
		assertFalse(errors.isEmpty());
		assertEquals(2, errors.get(0).getLine());
		assertEquals("'lm_alais(' is not a call of the language: did you mean lm_alias(…)?", errors.get(0).getMessage());
	}

	@Test
	void aNameNearNoCallIsToldTheCallsThereAre() throws IOException {
		List<Diagnostic> errors = parseErrors("checks c on p { read virt_to_phys(_text) expect ok }");
		assertEquals("'virt_to_phys(' is not a call of the language: the calls are lm_alias(…), page_address(…), "
				+ "pgprot_tagged(…)", errors.get(0).getMessage());
	}

	@Test
	void aTruncatedFileIsADiagnosticAtItsEnd() throws IOException {
		List<Diagnostic> errors = parseErrors("image vmlinux {\n  symbol _text = ");
		assertFalse(errors.isEmpty());
		assertEquals(2, errors.get(errors.size() - 1).getLine());
	}

	@Test
	void garbageIsADiagnosticNotAnException() throws IOException {
		List<Diagnostic> errors = parseErrors("\u0000\u00ff}{ ]] 0x 9999999999999999999999 @@");
		assertFalse(errors.isEmpty());
	}

	@Test
	void anIntegerTooLargeForVaBitsIsADiagnostic() throws IOException {
		List<Diagnostic> errors = parseErrors("platform p { va_bits 99999999999 }");
		assertEquals(1, errors.size(), errors::toString);
		assertEquals(1, errors.get(0).getLine());
	}
}
