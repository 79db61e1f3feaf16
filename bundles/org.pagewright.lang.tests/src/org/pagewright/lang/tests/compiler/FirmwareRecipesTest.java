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
 * The boot's firmware and device recipes (mmu.c early_fixmap_init, fixmap_remap_fdt, vmemmap_populate;
 * drivers/pci/pci.c pci_remap_iospace) on the platform of the k612-a57 capture: the rows they make are the real
 * kernel's rows, and the fixmap's tables are the image's bm_pud/bm_pmd/bm_pte, in .bss on 6.12.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class FirmwareRecipesTest {

	private static final String LAYOUT = """
			platform a57 {
			  granule 4K
			  va_bits 52
			  kernel 6.12.117
			  cmdline nokaslr
			  dram ram0 at 0x4000_0000 size 1G
			  fdt at 0x4820_0000 size 1M
			  pci_io at 0x3eff_0000 size 64K
			}
			image k612 {
			  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
			  symbol _text = 0xffff800080000000
			  symbol _stext = 0xffff800080010000
			  symbol _etext = 0xffff800080f50000
			  symbol __start_rodata = 0xffff800080f50000
			  symbol swapper_pg_dir = 0xffff800081cfe000 size 4K
			  symbol __init_begin = 0xffff800081d00000
			  symbol __inittext_end = 0xffff800081e00000
			  symbol __initdata_begin = 0xffff800081e00000
			  symbol __init_end = 0xffff800082670000
			  symbol _sdata = 0xffff800082670000
			  symbol __bss_start = 0xffff800082a2c000
			  symbol bm_pud = 0xffff800082a2f000 size 4K
			  symbol bm_pmd = 0xffff800082a30000 size 4K
			  symbol bm_pte = 0xffff800082a31000 size 4K
			  symbol __bss_stop = 0xffff800082b169d0
			  symbol _end = 0xffff800082b30000
			}
			policy boot612 on a57 with k612 {
			  boot {
			    early_fixmap_init
			    fixmap_remap_fdt
			    map_kernel
			    map_mem
			    vmemmap_populate
			    pci_remap_iospace
			    mark_rodata_ro
			  }
			}
			series unmap on boot612 {
			  patch 1 "unmap data/bss from the linear map" {
			    on runtime: set_memory_valid lm_alias[__init_end, __bss_stop) invalid
			  }
			}
			// the rows of /sys/kernel/debug/kernel_page_tables on the capture's kernel
			checks firmware on boot612 in boot {
			  ptdump contains "0xffffffffc0800000-0xffffffffc0810000          64K PTE       RW NX SHD AF            UXN    DEVICE/nGnRE"
			  ptdump contains "0xfffffdffc0000000-0xfffffdffc1000000          16M PMD       RW NX SHD AF        BLK UXN    MEM/NORMAL"
			  ptdump contains "0xffffffffff5fe000-0xffffffffff6fe000           1M PTE       ro NX SHD AF            UXN    MEM/NORMAL"
			  ptdump expect ok
			}
			// bm_pud lies in .bss: with the data/bss alias invalid, ptdump's walk faults on __va(bm_pud)
			checks walk on unmap after 1 {
			  ptdump expect fault
			}
			""";

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void theFirmwareRowsAreTheKernelsAndPtdumpFaultsOnTheFixmapTablesInAnInvalidBss() throws Exception {
		List<CheckVerdict> verdicts = EveryRun.verdicts(parser.parse(LAYOUT), validation);

		assertEquals(5, verdicts.size(), verdicts::toString);
		assertTrue(verdicts.stream().allMatch(CheckVerdict::passed), verdicts::toString);
		CheckVerdict fault = verdicts.stream().filter(v -> v.description().contains("expect fault")).findFirst()
				.orElseThrow();
		assertTrue(fault.reason().contains("table page PA 0x42c2f000 is not readable"), fault::toString);
	}
}
