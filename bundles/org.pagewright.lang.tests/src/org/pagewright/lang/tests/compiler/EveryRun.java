package org.pagewright.lang.tests.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Model;

/** Every series and policy of a file that validates and compiles without errors, run: all their verdicts. */
final class EveryRun {
	private EveryRun() {
	}

	static List<CheckVerdict> verdicts(Model model, ValidationTestHelper validation) {
		validation.assertNoErrors(model);
		List<LayoutCompiler.Compilation> compiled = LayoutCompiler.compile(model);
		assertTrue(compiled.stream().allMatch(LayoutCompiler.Compilation::ok), compiled::toString);
		return compiled.stream().flatMap(c -> ConfigurationRunner.run(c.configuration()).verdicts().stream()).toList();
	}
}
