package org.pagewright.lang.tests;

/** Complete layout files that compile and run, shared with the workbench tests. */
public final class SampleSeries {

	/**
	 * A 64M 6.18 machine whose bank is page-mapped, and a one-patch series that invalidates the 2M linear alias of
	 * [data_start, data_end); {@code %s} is the expected outcome of reading that alias after the patch (line 25).
	 */
	public static final String UNMAP_DATA_ALIAS = """
			platform small {
			  arch arm64
			  granule 4K
			  va_bits 48
			  kernel 6.18
			  dram bank0 at 0x4000_0000 size 64M
			}
			image img {
			  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
			  symbol _text = 0xffff800080000000
			  symbol data_start = _text + 8M
			  symbol data_end = data_start + 2M
			}
			policy base on small with img {
			  boot {
			    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 pgprot_tagged(PAGE_KERNEL) NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS
			  }
			}
			series unmap on base {
			  patch 1 "unmap the data alias" {
			    after bank_map: set_memory_valid lm_alias[data_start, data_end) invalid
			  }
			}
			checks review on unmap after 1 {
			  read lm_alias(data_start) expect %s
			  read lm_alias(data_end) expect ok
			  wx_clean
			}
						""";

	private SampleSeries() {
	}
}
