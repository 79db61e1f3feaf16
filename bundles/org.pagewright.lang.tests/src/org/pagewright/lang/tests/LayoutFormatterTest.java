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
}
