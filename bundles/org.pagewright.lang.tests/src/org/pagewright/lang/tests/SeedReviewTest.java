package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Series;

import com.google.inject.Inject;

/** The v4 13/15 patch and the reviewer's questions parse, link and validate without errors or warnings. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class SeedReviewTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Inject
	private IResourceValidator validator;

	@Test
	void theSeedReviewValidatesClean() throws Exception {
		Model model = parseHelper.parse(SeedReview.text());
		List<Issue> issues = validator.validate((XtextResource) model.eResource(), CheckMode.ALL, CancelIndicator.NullImpl);
		assertTrue(issues.isEmpty(), () -> "issues: " + issues);
	}

	@Test
	void theSeedReviewHoldsThePatchAndTheQuestions() throws Exception {
		Model model = parseHelper.parse(SeedReview.text());
		Series series = model.getElements().stream().filter(Series.class::isInstance).map(Series.class::cast)
				.findFirst().orElseThrow();
		assertEquals(List.of(12, 13, 16, 17), series.getPatches().stream().map(p -> p.getNumber()).toList());
		long checks = model.getElements().stream().filter(Checks.class::isInstance).count();
		assertEquals(7, checks);
	}
}
