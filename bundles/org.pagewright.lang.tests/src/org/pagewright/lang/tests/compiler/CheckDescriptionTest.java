package org.pagewright.lang.tests.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Check;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.tests.LayoutInjectorProvider;
import org.pagewright.lang.tests.SampleSeries;

import com.google.inject.Inject;

/**
 * A compiled check's description is its text as Xtext gives it (NodeModelUtils.getTokenText: the visible tokens, one
 * space where whitespace or comments were), however it is written: the compiler computes it its own faster way.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class CheckDescriptionTest {

	@Inject
	private ParseHelper<Model> parser;

	@Test
	void theDescriptionIsTheTokenTextOfTheCheck() throws Exception {
		Model model = parser.parse(SampleSeries.UNMAP_DATA_ALIAS.formatted("fault") + """
				checks oddly_written on unmap after 1 {
				  read   lm_alias( data_start )/* a comment */expect fault // another
				    level 3
				  read lm_alias(((data_end)))
				  	expect ok
				  read lm_alias(data_start + 4K - 0x1000) expect /* x */ fault level 3 translation
				  wx_clean
				}
				""");
		LayoutCompiler.Compilation c = LayoutCompiler.compile(model).get(0);
		assertTrue(c.ok(), () -> c.problems().toString());
		List<String> expected = model.getElements().stream().filter(Checks.class::isInstance).map(Checks.class::cast)
				.flatMap(block -> block.getChecks().stream())
				.map((Check check) -> NodeModelUtils.getTokenText(NodeModelUtils.findActualNodeFor(check))).toList();
		List<String> described = c.configuration().getChecks().stream()
				.map(org.pagewright.config.Check::getDescription).toList();

		assertEquals(expected, described);
		assertEquals("read lm_alias( data_start ) expect fault level 3", described.get(3));
	}
}
