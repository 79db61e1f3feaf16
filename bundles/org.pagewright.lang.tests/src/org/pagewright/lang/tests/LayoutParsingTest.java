package org.pagewright.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.lang.layout.CmdlineSetting;
import org.pagewright.lang.layout.CpuFeature;
import org.pagewright.lang.layout.CpuSetting;
import org.pagewright.lang.layout.DramBank;
import org.pagewright.lang.layout.GranuleSetting;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.KernelSetting;
import org.pagewright.lang.layout.Literal;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Sum;
import org.pagewright.lang.layout.SymbolRef;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class LayoutParsingTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Test
	void aPlatformReadsItsGranuleKernelCmdlineCpuAndDram() throws Exception {
		Model model = parseHelper.parse("""
				platform qemu_max {
				  arch arm64
				  granule 4K
				  va_bits 52
				  kernel 7.0.1
				  cmdline rodata=full nokaslr kfence.sample_interval=0 debug_pagealloc=on
				  cpu lpa2 bbml2_noabort
				  dram bank0 at 0x4000_0000 size 1G
				}
				""");
		assertNoErrors(model.eResource());
		Platform platform = (Platform) model.getElements().get(0);
		assertEquals(BigInteger.valueOf(4096), setting(platform, GranuleSetting.class).getSize());
		assertEquals("7.0.1", setting(platform, KernelSetting.class).getVersion());
		CmdlineSetting cmdline = setting(platform, CmdlineSetting.class);
		assertEquals(List.of("rodata", "nokaslr", "kfence.sample_interval", "debug_pagealloc"),
				cmdline.getWords().stream().map(w -> w.getKey()).toList());
		assertEquals("on", cmdline.getWords().get(3).getValue());
		assertEquals(List.of(CpuFeature.LPA2, CpuFeature.BBML2_NOABORT), setting(platform, CpuSetting.class).getFeatures());
		DramBank bank = setting(platform, DramBank.class);
		assertEquals(new BigInteger("40000000", 16), bank.getBase());
		assertEquals(BigInteger.ONE.shiftLeft(30), bank.getSize());
	}

	@Test
	void anImageSymbolMayBeAnotherSymbolPlusASize() throws Exception {
		Model model = parseHelper.parse("""
				image vmlinux {
				  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
				  symbol _text = 0xffff800080000000
				  symbol _stext = _text + 64K
				  symbol empty_zero_page = 0xffff800081e00000 size 4K
				}
				""");
		assertNoErrors(model.eResource());
		Image image = (Image) model.getElements().get(0);
		assertEquals(new BigInteger("ffff800080000000", 16), image.getVirt());
		Sum stext = (Sum) image.getSymbols().get(1).getValue();
		assertEquals("_text", ((SymbolRef) stext.getLeft()).getSymbol().getName());
		assertEquals(BigInteger.valueOf(65536), ((Literal) stext.getRight()).getValue());
		assertEquals(BigInteger.valueOf(4096), image.getSymbols().get(2).getSize());
		assertTrue(image.getSymbols().get(0).getValue() instanceof Literal);
	}

	private static <T> T setting(Platform platform, Class<T> type) {
		return platform.getSettings().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

	private static void assertNoErrors(Resource resource) {
		assertTrue(resource.getErrors().isEmpty(), () -> "unexpected errors: " + resource.getErrors());
	}
}
