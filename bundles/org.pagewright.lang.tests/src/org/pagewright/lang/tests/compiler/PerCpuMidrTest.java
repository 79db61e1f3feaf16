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
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.tests.LayoutInjectorProvider;

import com.google.inject.Inject;

/**
 * `cpu N midr`: each CPU answers the block-split capability for itself (cpufeature.c, an early local CPU feature).
 * A Cortex-X4 r0p3 boot CPU lets map_mem keep blocks; Cortex-A57 secondaries lack the capability, so
 * linear_map_maybe_split_to_ptes (mmu.c) page-maps the linear map once they are up.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class PerCpuMidrTest {

	private static final String PLATFORM = """
			platform %s {
			  granule 4K
			  va_bits 48
			  kernel 7.0.1
			  cmdline rodata=on
			  dram bank0 at 0x4000_0000 size 1G
			  cpu 0 midr 0x410f_d823
			  cpus 1-3 midr %s
			}
			""";

	private static final String LAYOUT = PLATFORM.formatted("all_x4", "0x410f_d823")
			+ PLATFORM.formatted("a57_secondaries", "0x411f_d073") + """
			image k {
			  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
			  symbol _text = 0xffff800080000000
			  symbol _stext = 0xffff800080010000
			  symbol _etext = 0xffff800080f50000
			  symbol __start_rodata = 0xffff800080f50000
			  symbol __init_begin = 0xffff800081d00000
			  symbol __inittext_end = 0xffff800081e00000
			  symbol __initdata_begin = 0xffff800081e00000
			  symbol __init_end = 0xffff800082670000
			  symbol _sdata = 0xffff800082670000
			  symbol __bss_stop = 0xffff800082b169d0
			  symbol _end = 0xffff800082b30000
			}
			policy pol on all_x4 with k {
			  boot {
			    map_kernel
			    map_mem
			  }
			}
			checks every_cpu_on_the_list on pol in boot {
			  [0xffff000010000000, +2M) is block-mapped at level 2
			}
			checks a_secondary_off_the_list on pol in boot with a57_secondaries {
			  [0xffff000010000000, +2M) is page-mapped
			}
			""";

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void aSecondaryOffTheAllowListPageMapsTheLinearMapThatTheBootCpuMappedWithBlocks() throws Exception {
		List<CheckVerdict> verdicts = EveryRun.verdicts(parser.parse(LAYOUT), validation);

		assertEquals(2, verdicts.size(), verdicts::toString);
		assertTrue(verdicts.stream().allMatch(CheckVerdict::passed), verdicts::toString);
	}
}
