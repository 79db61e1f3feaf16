package org.pagewright.lang.tests;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** Unformatted text → one item per line, two-space blocks, single spaces, kernel spellings kept tight. */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class LayoutFormatterTest {

	@Inject
	private FormatterTestHelper formatter;

	@Test
	void platformAndImageSettingsGoOnePerLine() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("""
					import   "base.layout" platform p{granule 4K   va_bits 48 kernel 7.0.1
					cmdline rodata = on kfence.sample_interval=0 cpu bbml2_noabort lpa2}
					image k { symbol _text = 0xffff800080000000 symbol _stext=_text+64K secret [ _text , + 4K ) }""");
			request.setExpectation("""
					import "base.layout"

					platform p {
					  granule 4K
					  va_bits 48
					  kernel 7.0.1
					  cmdline rodata=on kfence.sample_interval=0
					  cpu bbml2_noabort lpa2
					}

					image k {
					  symbol _text = 0xffff800080000000
					  symbol _stext = _text + 64K
					  secret [_text, +4K)
					}
					""");
		});
	}

	@Test
	void policiesPatchesAndChecksIndentByBlock() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("""
					policy pol on p with k { boot { map_mem  data : map lm_alias [ _text , _stext ) pgprot_tagged ( PAGE_KERNEL ) NO_BLOCK_MAPPINGS|NO_CONT_MAPPINGS } runtime { } }
					series s on pol { patch 13 / 15 "t" { after map_mem : set_memory_valid lm_alias[_text, _stext) invalid remove data } }
					checks c on s after 13 in snapshot , restore { read page_address( _text ) expect fault level -1 translation ptdump expect ok }""");
			request.setExpectation("""
					policy pol on p with k {
					  boot {
					    map_mem
					    data: map lm_alias[_text, _stext) pgprot_tagged(PAGE_KERNEL) NO_BLOCK_MAPPINGS | NO_CONT_MAPPINGS
					  }
					  runtime {
					  }
					}

					series s on pol {
					  patch 13/15 "t" {
					    after map_mem: set_memory_valid lm_alias[_text, _stext) invalid
					    remove data
					  }
					}

					checks c on s after 13 in snapshot, restore {
					  read page_address(_text) expect fault level -1 translation
					  ptdump expect ok
					}
					""");
		});
	}
	@Test
	void firmwareCpusAndObservedContentGoOnePerLine() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("""
					platform p{config KFENCE = n cpu 0 midr 0x410fd4d0 cpus 1 - 3 midr 0x411fd070 fdt at 0x4820_0000 size 2M
					pci_io at 0x3eff_0000 size 64K kfence_pool at 0x7000_0000}
					image k { reserved fdt [ 0x4820_0000 , + 2M ) nosave [_text,+4K) }
					policy pol on p with k { boot { early_fixmap_init observed [ 0xffff800080a00000 , + 16K ) level 3 phys 0x4820_3000 attrs 0x0068_0000_0000_0f03
					observed table [0xffff800080000000,+2M) level 2 unmap : set_memory_valid [_text , +4K) invalid expect einval
					map [_text,+2M) PAGE_KERNEL flags of map_mem|NO_CONT_MAPPINGS } }""");
			request.setExpectation("""
					platform p {
					  config KFENCE=n
					  cpu 0 midr 0x410fd4d0
					  cpus 1-3 midr 0x411fd070
					  fdt at 0x4820_0000 size 2M
					  pci_io at 0x3eff_0000 size 64K
					  kfence_pool at 0x7000_0000
					}

					image k {
					  reserved fdt [0x4820_0000, +2M)
					  nosave [_text, +4K)
					}

					policy pol on p with k {
					  boot {
					    early_fixmap_init
					    observed [0xffff800080a00000, +16K) level 3 phys 0x4820_3000 attrs 0x0068_0000_0000_0f03
					    observed table [0xffff800080000000, +2M) level 2
					    unmap: set_memory_valid [_text, +4K) invalid expect einval
					    map [_text, +2M) PAGE_KERNEL flags of map_mem | NO_CONT_MAPPINGS
					  }
					}
					""");
		});
	}

	@Test
	void theTableChecksKeepTheirKernelSpellings() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("""
					checks c on s after 0 at step unmap in runtime with q { read lm_alias( _sdata ) expect ok at level 2 block pa 0x4020_0000
					read _text expect mapped as "ro x" lm_alias [ _text , _etext ) has nG  CONT lm_alias[_text,_etext) lacks BLK
					[_text, +2M) is block-mapped at level 2 ptdump contains "0x0-0x1  4K PTE" ptdump section "Linear Mapping" lines<=20
					cont_groups_consistent [_text,+2M) table_pages <= + 3 no_writable_alias [_text,_etext) via linear
					set_memory_valid [_text,+4K) valid expect split at level 2 to pages }""");
			request.setExpectation("""
					checks c on s after 0 at step unmap in runtime with q {
					  read lm_alias(_sdata) expect ok at level 2 block pa 0x4020_0000
					  read _text expect mapped as "ro x"
					  lm_alias[_text, _etext) has nG CONT
					  lm_alias[_text, _etext) lacks BLK
					  [_text, +2M) is block-mapped at level 2
					  ptdump contains "0x0-0x1  4K PTE"
					  ptdump section "Linear Mapping" lines <= 20
					  cont_groups_consistent [_text, +2M)
					  table_pages <= +3
					  no_writable_alias [_text, _etext) via linear
					  set_memory_valid [_text, +4K) valid expect split at level 2 to pages
					}
					""");
		});
	}
}
