package org.pagewright.ui.wizards;

import java.util.Map;

/**
 * What a new layout starts from: a whole file (the New Layout File wizard) and one skeleton per top-level
 * element (completion). The whole file validates and runs as it is: a QEMU virt machine on 7.0.1, the image
 * layout of the v4 review example, the boot policy as the kernel's recipes, a one-patch series and its checks.
 */
public final class LayoutTemplates {

	public static final String NEW_FILE = """
			// A layout: the machine, the kernel image as System.map gives it, the boot policy, a patch series that edits
			// it, and what must hold afterwards. Save to run it; the Page Tables view shows every state.

			platform qemu_virt {
			  arch arm64
			  granule 4K
			  va_bits 48
			  kernel 7.0.1
			  cmdline nokaslr rodata=on
			  cpu bbml2_noabort
			  dram ram at 0x4000_0000 size 1G
			}

			image vmlinux {
			  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
			  symbol _text = 0xffff800080000000
			  symbol _stext = 0xffff800080010000
			  symbol _etext = 0xffff8000812e0000
			  symbol __start_rodata = 0xffff8000812e0000
			  symbol swapper_pg_dir = 0xffff8000826f9000 size 4K
			  symbol __init_begin = 0xffff800082700000
			  symbol __inittext_end = 0xffff800082820000
			  symbol __initdata_begin = 0xffff800082820000
			  symbol __init_end = 0xffff800082b00000
			  symbol _sdata = 0xffff800082b00000
			  symbol __bss_start = 0xffff800083140000
			  symbol __bss_stop = 0xffff80008321e000
			  symbol _end = 0xffff800083240000
			  secret data_bss [__init_end, __bss_stop)
			}

			policy boot_policy on qemu_virt with vmlinux {
			  boot {
			    map_kernel
			    map_mem
			    mark_linear_text_alias_ro
			    mark_rodata_ro
			  }
			}

			series my_series on boot_policy {
			  patch 1 "arm64: mm: unmap the data/bss alias" {
			    after mark_rodata_ro: unmap_alias: set_memory_valid lm_alias[__init_end, __bss_stop) invalid
			  }
			}

			checks after_patch_1 on my_series after 1 {
			  no_leak [__init_end, __bss_stop) via linear
			  write __bss_start expect ok
			  wx_clean
			}
			""";

	/** Skeletons offered by completion where a top-level element may start, by their keyword. */
	public static final Map<String, String> SKELETONS = Map.of(
			"platform", "platform name {\n  arch arm64\n  granule 4K\n  va_bits 48\n  kernel 7.0.1\n  cmdline nokaslr\n"
					+ "  dram ram at 0x4000_0000 size 1G\n}\n",
			"image", "image name {\n  load phys 0x4020_0000 virt 0xffff_8000_8000_0000\n"
					+ "  symbol _text = 0xffff800080000000\n}\n",
			"policy", "policy name on platform with image {\n  boot {\n    map_kernel\n    map_mem\n  }\n}\n",
			"series", "series name on policy {\n  patch 1 \"title\" {\n  }\n}\n",
			"checks", "checks name on series after 1 {\n  wx_clean\n}\n");

	private LayoutTemplates() {
	}
}
