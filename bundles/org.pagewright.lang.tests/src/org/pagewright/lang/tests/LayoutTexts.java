package org.pagewright.lang.tests;

/** Small, valid layout texts that tests extend or edit. */
final class LayoutTexts {

	static final String PLATFORM = """
			platform p {
			  granule 4K
			  va_bits 48
			  kernel 7.0.1
			  cmdline rodata=on
			  dram bank0 at 0x4000_0000 size 1G
			}
			""";

	static final String IMAGE = """
			image k {
			  load phys 0x4020_0000 virt 0xffff800080000000
			  symbol _text = 0xffff800080000000
			  symbol _stext = _text + 64K
			  symbol __init_end = 0xffff800080400000
			  symbol __bss_stop = 0xffff800080600000
			  symbol empty_zero_page = 0xffff800080200000 size 4K
			  symbol _end = 0xffff800080800000
			}
			""";

	static final String POLICY = """
			policy pol on p with k {
			  boot {
			    map_kernel
			    map_mem
			    data_alias: map lm_alias[__init_end, __bss_stop) pgprot_tagged(PAGE_KERNEL) NO_BLOCK_MAPPINGS
			  }
			}
			""";

	static final String BASE = PLATFORM + IMAGE + POLICY;

	private LayoutTexts() {
	}
}
