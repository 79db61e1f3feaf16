package org.pagewright.lang.tests.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.config.AccessCheck;
import org.pagewright.config.Comparison;
import org.pagewright.config.DescriptorBit;
import org.pagewright.config.DescriptorBitsCheck;
import org.pagewright.config.LeafShape;
import org.pagewright.config.MappingShape;
import org.pagewright.config.MappingShapeCheck;
import org.pagewright.config.TablePagesCheck;
import org.pagewright.config.run.CheckVerdict;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.tests.LayoutInjectorProvider;
import org.pagewright.lang.tests.SampleSeries;

import com.google.inject.Inject;

/** The table checks as written compile to configuration checks with resolved addresses, and run. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class TableChecksCompileTest {

	private static final String LAYOUT = SampleSeries.UNMAP_DATA_ALIAS.formatted("fault") + """
			checks tables on unmap after 1 {
			  read lm_alias(data_end) expect ok at level 3 page pa 0x40c0_0000
			  lm_alias[data_start, data_end) has AF PXNTable
			  lm_alias[data_start, data_end) is unmapped
			  table_pages +0
			  table_pages <= -1
			}
			checks before on unmap after 0 {
			  lm_alias[data_start, data_end) is page-mapped
			}
			""";

	@Inject
	private ParseHelper<Model> parser;

	private List<org.pagewright.config.Check> compiledChecks() throws Exception {
		LayoutCompiler.Compilation c = LayoutCompiler.compile(parser.parse(LAYOUT)).get(0);
		assertTrue(c.ok(), () -> c.problems().toString());
		return c.configuration().getChecks();
	}

	@Test
	void landingLevelShapeAndPhysicalAddressAreCompiledAsWritten() throws Exception {
		AccessCheck landing = assertInstanceOf(AccessCheck.class, compiledChecks().get(3));
		assertFalse(landing.isExpectFault());
		assertEquals(3, landing.getLeafLevel());
		assertEquals(null, landing.getFaultLevel());
		assertEquals(LeafShape.PAGE, landing.getLeafShape());
		assertEquals(0x40c00000L, landing.getExpectedPa());
	}

	@Test
	void rangesAreResolvedThroughTheLinearAlias() throws Exception {
		DescriptorBitsCheck bits = assertInstanceOf(DescriptorBitsCheck.class, compiledChecks().get(4));
		assertEquals(0xffff000000a00000L, bits.getStart());
		assertEquals(0xffff000000c00000L, bits.getEnd());
		assertEquals(List.of(DescriptorBit.AF, DescriptorBit.PXN_TABLE), bits.getBits());
		MappingShapeCheck shape = assertInstanceOf(MappingShapeCheck.class, compiledChecks().get(5));
		// 6.18 clears the valid bit only: before 7.0.1's PTE_PRESENT_INVALID, an invalid entry is not present
		assertEquals(MappingShape.UNMAPPED, shape.getShape());
		assertEquals(0, ((MappingShapeCheck) compiledChecks().get(8)).getAfterPatch());
	}

	@Test
	void aBareDeltaIsExactAndASignedOneKeepsItsComparison() throws Exception {
		TablePagesCheck exact = (TablePagesCheck) compiledChecks().get(6);
		assertTrue(exact.isDelta());
		assertEquals(Comparison.EQ, exact.getComparison());
		assertEquals(0, exact.getCount());
		TablePagesCheck shrinks = (TablePagesCheck) compiledChecks().get(7);
		assertEquals(Comparison.LE, shrinks.getComparison());
		assertEquals(-1, shrinks.getCount());
	}

	@Test
	void theyRunWithReasons() throws Exception {
		RunResult run = ConfigurationRunner.run(LayoutCompiler.compile(parser.parse(LAYOUT)).get(0).configuration());
		List<String> failed = run.failedChecks().stream().map(CheckVerdict::description).toList();
		// invalidating pages in place costs no table page: the shrink expectation is the only failure
		assertEquals(List.of("table_pages <= -1"), failed, () -> run.verdicts().toString());
		CheckVerdict shrink = run.failedChecks().get(0);
		assertTrue(shrink.reason().startsWith("35 table pages, +0 against baseline (35), expected <= -1"),
				shrink.reason());
	}
}
