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
import org.pagewright.config.run.ConfigurationRunner;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.tests.LayoutInjectorProvider;

import com.google.inject.Inject;

/**
 * `reserved` and `nosave` ranges of an image: kernel/power/snapshot.c saveable_page() skips a frame only when it is
 * PageReserved and its linear alias is not present or it is nosave (the image's frames are reserved); a frame merely
 * unmapped from the linear map is saved.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class ReservationsTest {

	private static final String LAYOUT = """
			platform small {
			  granule 4K
			  va_bits 48
			  kernel 7.0.1
			  dram bank0 at 0x4000_0000 size 64M
			}
			image img {
			  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
			  symbol _text = 0xffff800080000000
			  symbol _end = _text + 4M
			  reserved firmware [0xffff000001001000, +4K)
			  nosave [_text + 1M, +4K)
			}
			policy base on small with img {
			  boot {
			    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 PAGE_KERNEL NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS
			  }
			  runtime {
			    gone: set_memory_valid [0xffff000001000000, +12K) invalid
			  }
			}
			checks hibernation_image on base {
			  hibernation saves [0xffff000001000000, +4K)
			  hibernation skips [0xffff000001001000, +4K)
			  hibernation skips lm_alias[_text + 1M, +4K)
			  hibernation saves [0xffff000001002000, +4K)
			}
			""";

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void anUnmappedFrameIsSavedUnlessItIsReservedAndAReservedNosaveFrameIsSkippedEvenMapped() throws Exception {
		Model model = parser.parse(LAYOUT);
		validation.assertNoErrors(model);
		LayoutCompiler.Compilation c = LayoutCompiler.compile(model).get(0);
		assertTrue(c.ok(), () -> c.problems().toString());
		assertEquals(0x41001000L, c.configuration().getReserved().get(0).getStart());
		assertEquals(0x40301000L, c.configuration().getNosave().get(0).getEnd());

		List<CheckVerdict> verdicts = ConfigurationRunner.run(c.configuration()).verdicts();

		assertEquals(4, verdicts.size(), verdicts::toString);
		assertTrue(verdicts.stream().allMatch(CheckVerdict::passed), verdicts::toString);
	}
}
