package org.pagewright.lang.tests.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.tests.LayoutInjectorProvider;
import org.pagewright.lang.tests.SampleSeries;

import com.google.inject.Inject;

/**
 * `checks … at step NAME` judges the state right after that step of its phase: the data alias is readable after the
 * bank is mapped, and faults once the patch's step has run, in one phase.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class ChecksAtStepTest {

	private static final String LAYOUT = SampleSeries.UNMAP_DATA_ALIAS.formatted("fault") + """
			checks mapped on unmap after 1 at step bank_map in boot {
			  read lm_alias(data_start) expect ok
			}
			checks unmapped on unmap after 1 at step hide in boot {
			  read lm_alias(data_start) expect fault
			}
			""";

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void aCheckAtAStepSeesTheStateRightAfterIt() throws Exception {
		Model model = parser.parse(LAYOUT.replace("after bank_map: set_memory_valid", "after bank_map: hide: set_memory_valid"));
		validation.assertNoErrors(model);
		LayoutCompiler.Compilation c = LayoutCompiler.compile(model).get(0);
		assertTrue(c.ok(), () -> c.problems().toString());
		assertEquals("bank_map", c.configuration().getChecks().get(3).getAfterStep());

		List<CheckVerdict> verdicts = ConfigurationRunner.run(c.configuration()).verdicts().stream()
				.filter(v -> v.source() != null && v.phase() == org.pagewright.config.Phase.BOOT).toList();

		assertEquals(2, verdicts.size(), verdicts::toString);
		assertTrue(verdicts.stream().allMatch(CheckVerdict::passed), verdicts::toString);
	}

	@Test
	void aStepTheCheckedSeriesDoesNotHaveIsAnUnknownStep() throws Exception {
		Model model = parser.parse(LAYOUT.replace("at step hide", "at step no_such_step"));
		validation.assertError(model, org.pagewright.lang.layout.LayoutPackage.Literals.CHECKS,
				org.pagewright.lang.validation.LayoutIssueCodes.UNKNOWN_STEP, "no_such_step");
	}
}
