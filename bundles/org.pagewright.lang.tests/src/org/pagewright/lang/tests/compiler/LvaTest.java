package org.pagewright.lang.tests.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.config.run.RunResult;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.tests.LayoutInjectorProvider;

import com.google.inject.Inject;

/**
 * A 64K VA_BITS=52 kernel uses its 52-bit VAs only on a CPU with FEAT_LVA (pi/map_kernel.c early_map_kernel:
 * cpu_has_lva()); without it the linear map starts at _PAGE_OFFSET(48). Through the language, end to end.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class LvaTest {

	private static final String LAYOUT = """
			platform p64k {
			  granule 64K
			  va_bits 52
			  kernel 7.0.1
			  %s
			  dram bank0 at 0x4000_0000 size 1G
			}
			image img {
			  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
			  symbol _text = 0xffff800080000000
			}
			policy base on p64k with img {
			  boot {
			    alias: map lm_alias[_text, +64K) PAGE_KERNEL
			  }
			}
			checks alias on base {
			  read lm_alias(_text) expect ok at level 3 page pa 0x4020_0000
			}
			""";

	@Inject
	private ParseHelper<Model> parser;

	private long aliasVa(String cpu) throws Exception {
		LayoutCompiler.Compilation c = LayoutCompiler.compile(parser.parse(LAYOUT.formatted(cpu))).get(0);
		assertTrue(c.ok(), () -> c.problems().toString());
		RunResult result = ConfigurationRunner.run(c.configuration());
		assertTrue(result.problems().isEmpty() && result.failedChecks().isEmpty(),
				() -> result.problems() + " " + result.failedChecks());
		return ((CreateMapping) c.configuration().getBaseline().getPhases().get(0).getOperations().get(0)).getVirt();
	}

	@Test
	void withLvaTheLinearMapIsAt52BitPageOffsetWithoutItAt48() throws Exception {
		// init.c arm64_memblock_init: without LVA memstart_addr is lowered so that __va() lands above _PAGE_OFFSET(48)
		assertEquals(0xfff0000000200000L, aliasVa("cpu lva"));
		assertEquals(0xffff000000200000L, aliasVa(""));
	}
}
