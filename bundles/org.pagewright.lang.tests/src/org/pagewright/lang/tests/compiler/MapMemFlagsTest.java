package org.pagewright.lang.tests.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pagewright.config.CreateMapping;
import org.pagewright.config.MapFlag;
import org.pagewright.lang.compiler.LayoutCompiler;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.tests.LayoutInjectorProvider;

import com.google.inject.Inject;

/**
 * `map … flags of map_mem` takes the flags map_mem computes for the platform each compilation is for (mmu.c map_mem:
 * NO_EXEC_MAPPINGS; NO_BLOCK and NO_CONT when force_pte_mapping()), so a `with` variant gets its own.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(LayoutInjectorProvider.class)
class MapMemFlagsTest {

	private static final String PLATFORM = """
			platform %s {
			  granule 4K
			  va_bits 48
			  kernel 7.0.1
			  cmdline %s
			  %s
			  dram bank0 at 0x4000_0000 size 64M
			}
			""";

	private static final String LAYOUT = PLATFORM.formatted("bbml2", "rodata=on", "cpu bbml2_noabort")
			+ PLATFORM.formatted("no_bbml2", "rodata=on", "") + """
			image img {
			  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
			  symbol _text = 0xffff800080000000
			}
			policy base on bbml2 with img {
			  boot {
			    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 PAGE_KERNEL flags of map_mem%s
			  }
			}
			checks blocks on base { wx_clean }
			checks pages on base with no_bbml2 { wx_clean }
			""";

	@Inject
	private ParseHelper<Model> parser;

	private Map<String, List<MapFlag>> flagsByCompilation(String extra) throws Exception {
		return LayoutCompiler.compile(parser.parse(LAYOUT.formatted(extra))).stream()
				.peek(c -> assertTrue(c.ok(), () -> c.problems().toString()))
				.collect(Collectors.toMap(LayoutCompiler.Compilation::name, c -> ((CreateMapping) c.configuration()
						.getBaseline().getPhases().get(0).getOperations().get(0)).getFlags()));
	}

	@Test
	void withBbml2NoabortRodataFullKeepsBlocksWithoutItTheVariantIsPageMapped() throws Exception {
		Map<String, List<MapFlag>> flags = flagsByCompilation("");

		assertEquals(List.of(MapFlag.NO_EXEC_MAPPINGS), flags.get("base"));
		assertEquals(List.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS),
				flags.get("base@no_bbml2"));
	}

	@Test
	void flagsWrittenAfterMapMemsAreAddedToThem() throws Exception {
		assertEquals(List.of(MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS),
				flagsByCompilation(" | NO_CONT_MAPPINGS").get("base"));
	}

	@Test
	void aKernelBuiltWithoutKfenceKeepsBlocksWhereKfenceWithoutAnEarlyPoolForcesPages() throws Exception {
		// asm/kfence.h arm64_kfence_can_set_direct_map: a late KFENCE (sample_interval=0 at boot) needs pages
		String layout = LAYOUT.formatted("").replace("cmdline rodata=on\n  cpu bbml2_noabort",
				"cmdline rodata=noalias kfence.sample_interval=0\n  config KFENCE=n").replace(
				"cmdline rodata=on", "cmdline rodata=noalias kfence.sample_interval=0");
		Map<String, List<MapFlag>> flags = LayoutCompiler.compile(parser.parse(layout)).stream()
				.peek(c -> assertTrue(c.ok(), () -> c.problems().toString()))
				.collect(Collectors.toMap(LayoutCompiler.Compilation::name, c -> ((CreateMapping) c.configuration()
						.getBaseline().getPhases().get(0).getOperations().get(0)).getFlags()));

		assertEquals(List.of(MapFlag.NO_EXEC_MAPPINGS), flags.get("base"), "KFENCE=n");
		assertEquals(List.of(MapFlag.NO_BLOCK_MAPPINGS, MapFlag.NO_CONT_MAPPINGS, MapFlag.NO_EXEC_MAPPINGS),
				flags.get("base@no_bbml2"), "the Debian build's KFENCE");
	}
}
