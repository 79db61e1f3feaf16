package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The editor applies each keystroke to the resource it keeps (XtextResource.update: a partial reparse, then linking
 * and validation of the whole file): what it reports must be what a fresh parse of the same text reports, also when
 * an edit breaks a reference or renames what it names and the next one mends it (links and scopes are made again).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class PartialUpdateTest {

	private static final String LAYOUT = SampleSeries.UNMAP_DATA_ALIAS.formatted("fault level 3 translation");

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	@Test
	void eachEditReportsWhatAFreshParseOfItsTextReports() throws IOException {
		XtextResource edited = load("memory:/edited.layout", LAYOUT);
		String text = LAYOUT;
		String[][] edits = { // replace the first occurrence after `after` of `from` by `to`
				{ "read lm_alias(", "data_start", "data_stat" }, // an unknown symbol
				{ "read lm_alias(", "data_stat", "data_start" }, // known again
				{ "after ", "bank_map", "bank_mop" }, // an unknown step
				{ "after ", "bank_mop", "bank_map" },
				{ "symbol data_end = ", "data_start + 2M", "data_start - 16M" }, // an empty range in the patch
				{ "symbol data_end = ", "data_start - 16M", "data_start + 2M" },
				{ "image img", "symbol data_start", "symbol data_stert" }, // every reference to it unknown
				{ "image img", "symbol data_stert", "symbol data_start" },
				{ "checks review on ", "unmap", "base" }, // a policy: it has no patch 1
				{ "checks review on ", "base", "unmap" } };
		int reporting = 0;
		for (String[] edit : edits) {
			int offset = text.indexOf(edit[1], text.indexOf(edit[0]));
			text = text.substring(0, offset) + edit[2] + text.substring(offset + edit[1].length());
			edited.update(offset, edit[1].length(), edit[2]);
			assertEquals(text, edited.getParseResult().getRootNode().getText());
			List<String> afterUpdate = described(validator.validate(edited, CheckMode.ALL, CancelIndicator.NullImpl));
			List<String> fresh = described(validator.validate(load("memory:/fresh.layout", text), CheckMode.ALL,
					CancelIndicator.NullImpl));
			assertEquals(fresh, afterUpdate, () -> "after replacing '" + edit[1] + "' by '" + edit[2] + "'");
			reporting += afterUpdate.isEmpty() ? 0 : 1;
		}
		assertEquals(edits.length / 2, reporting, "every other edit breaks something");
		assertTrue(described(validator.validate(edited, CheckMode.ALL, CancelIndicator.NullImpl)).isEmpty());
	}

	private XtextResource load(String uri, String text) throws IOException {
		XtextResource resource = (XtextResource) resourceSets.get().createResource(URI.createURI(uri));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		return resource;
	}

	private static List<String> described(List<Issue> issues) {
		return issues.stream().map(i -> i.getSeverity() + " " + i.getCode() + " " + i.getLineNumber() + ":"
				+ i.getColumn() + " " + i.getOffset() + "+" + i.getLength() + " " + i.getMessage()).toList();
	}
}
