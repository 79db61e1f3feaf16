package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.pagewright.lang.ide.highlighting.LayoutHighlightingStyles;
import org.pagewright.lang.ide.hover.LayoutHoverText;

/** Semantic highlighting of the seed review, and hover texts over its addresses, ranges and prot names. */
class HighlightingAndHoverTest {

	private final String seed = SeedReview.text();
	private final XtextResource resource = IdeServices.parse(seed);

	@Test
	void symbolsProtsFlagsPatchNumbersAndStepsAreHighlighted() {
		List<String> highlighted = new ArrayList<>();
		IdeServices.get(ISemanticHighlightingCalculator.class).provideHighlightingFor(resource,
				(offset, length, styles) -> highlighted.add(seed.substring(offset, offset + length) + ":" + styles[0]),
				CancelIndicator.NullImpl);
		for (String expected : List.of("empty_zero_page:symbol", "__bss_stop:symbol", "PAGE_KERNEL_RO:prot",
				"pgprot_tagged:prot", "NO_BLOCK_MAPPINGS:flag", "13:patchNumber", "data_alias:step", "map_mem:step")) {
			assertTrue(highlighted.contains(expected), () -> expected + " not in " + highlighted);
		}
		assertEquals(LayoutHighlightingStyles.SYMBOL, "symbol");
	}

	private String hoverAt(String anchor, int delta) {
		return IdeServices.get(LayoutHoverText.class).textAt(resource, seed.indexOf(anchor) + delta);
	}

	@Test
	void anAddressShowsItsNearestSymbolThroughTheLinearAlias() {
		// phys = VA - kimage_voffset = 0x41c3c000; linear = phys - PHYS_OFFSET + PAGE_OFFSET
		assertEquals("0xffff000001c3c000 = linear alias (phys 0x41c3c000) of empty_zero_page",
				hoverAt("page_address(empty_zero_page) expect ok", 14));
	}

	@Test
	void symbolArithmeticIsEvaluated() {
		assertEquals("0xffff800080010000 = _stext", hoverAt("_text + 64K", 6));
	}

	@Test
	void aRangeShowsItsSizeInUnitsAndPages() {
		String hover = hoverAt("[lm_alias(__bss_start), +4K)", 24);
		assertTrue(hover.startsWith("[0xffff000002500000, 0xffff000002501000): 4K, 1 pages"), hover);
	}

	@Test
	void protNamesAndFlagsAreExplained() {
		assertTrue(hoverAt("PAGE_KERNEL_RO", 3).contains("read-only"));
		assertTrue(hoverAt("&~ NO_BLOCK_MAPPINGS", 5).contains("pages only"));
	}

	@Test
	void theTableVocabularyIsExplained() {
		String text = LayoutTexts.BASE + "checks c on pol {\n  [_text, +4K) has PXNTable\n  [_text, +4K) is present-invalid\n"
				+ "  read _text expect ok at level 3 page\n}\n";
		XtextResource checks = IdeServices.parse(text);
		LayoutHoverText hover = IdeServices.get(LayoutHoverText.class);
		assertTrue(hover.textAt(checks, text.indexOf("PXNTable") + 2).contains("nothing below executes at EL1"));
		assertTrue(hover.textAt(checks, text.indexOf("present-invalid") + 2).contains("pte_present()"));
		assertTrue(hover.textAt(checks, text.indexOf("has") + 1).contains("every leaf"));
		assertTrue(hover.textAt(checks, text.indexOf(" page\n") + 2).contains("level 3 page"));
	}
}
