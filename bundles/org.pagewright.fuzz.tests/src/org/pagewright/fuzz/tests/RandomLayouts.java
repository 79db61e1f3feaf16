package org.pagewright.fuzz.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Grammar-aware generation: a platform, an image, a policy, a series and checks that follow the grammar, with values
 * drawn mostly from what the kernel accepts and sometimes from its edges (every granule x va_bits, DRAM at the PA
 * limit, empty banks, huge ranges, many patches), so that most inputs get past validation and exercise the engine.
 */
final class RandomLayouts {
	private static final String[] GRANULES = {"4K", "16K", "64K"};
	private static final int[][] VA_BITS = {{39, 48, 52}, {36, 47, 48, 52}, {42, 48, 52}};
	private static final String[] KERNELS = {"6.1", "6.12", "6.18", "7.0.1", "7.3"};
	private static final String[] PROTS = {"PAGE_KERNEL", "PAGE_KERNEL_RO", "PAGE_KERNEL_ROX", "pgprot_tagged(PAGE_KERNEL)"};
	private static final String[] FLAGS = {"NO_BLOCK_MAPPINGS", "NO_CONT_MAPPINGS", "NO_EXEC_MAPPINGS"};
	private static final String[] RECIPES = {"map_kernel", "map_mem", "mark_rodata_ro", "mark_linear_text_alias_ro",
		"kfence_pool"};
	private static final String[] CMDLINE = {"nokaslr", "rodata=on", "rodata=off", "rodata=full", "rodata=noalias",
		"debug_pagealloc=on", "kfence.sample_interval=0", "arm64.nolva", "kpti=0"};
	private static final String[] CPU = {"bbml2_noabort", "bbml3", "lpa2", "mte", "kpti", "bti"};

	private final Random random;

	RandomLayouts(Random random) {
		this.random = random;
	}

	Pipeline.Input next(int n) {
		int g = random.nextInt(3);
		String granule = GRANULES[g];
		int vaBits = VA_BITS[g][random.nextInt(VA_BITS[g].length)];
		StringBuilder b = new StringBuilder();
		b.append("platform p {\n  arch arm64\n  granule ").append(granule).append("\n  va_bits ").append(vaBits)
				.append("\n  kernel ").append(pick(KERNELS)).append('\n');
		if (random.nextBoolean()) {
			b.append("  cmdline");
			for (int i = 0, k = 1 + random.nextInt(3); i < k; i++) {
				b.append(' ').append(pick(CMDLINE));
			}
			b.append('\n');
		}
		if (random.nextBoolean()) {
			b.append("  cpu ").append(pick(CPU)).append('\n');
		}
		b.append("  dram bank0 at 0x4000_0000 size ").append(pick("64M", "128M", "256M", "1G", "2G")).append('\n');
		if (random.nextInt(5) == 0) {
			b.append("  dram bank1 at ").append(pick("0x1_0000_0000", "0x8_0000_0000", "0xffff_f000_0000",
					"0x1_0000_0000_0000", "0x10_0000_0000_0000", "0xffff_ffff_ffff_f000")).append(" size ")
					.append(pick("4K", "2M", "64M", "1G", "0", "3K", "16E")).append('\n');
		}
		b.append("}\n\n");
		b.append("image k {\n  load phys 0x4020_0000 virt 0xffff_8000_8000_0000\n");
		b.append("  symbol _text = 0xffff800080000000\n  symbol _stext = _text + 64K\n");
		b.append("  symbol _etext = _text + 8M\n  symbol __start_rodata = _etext\n");
		b.append("  symbol __init_begin = _text + 12M\n  symbol __init_end = _text + 14M\n");
		b.append("  symbol _sdata = __init_end\n  symbol __bss_start = _sdata + 2M\n");
		b.append("  symbol __bss_stop = __bss_start + ").append(pick("4K", "64K", "2M", "1M")).append('\n');
		b.append("  symbol swapper_pg_dir = __bss_stop").append(pick("", "", "", " + 0x100", " + 4K")).append(" size ")
				.append(granule).append('\n');
		b.append("  symbol empty_zero_page = _etext + ").append(granule).append(" size ").append(granule).append('\n');
		b.append("  symbol _end = __bss_stop + 2M\n");
		b.append("  secret data [__init_end, __bss_stop)\n}\n\n");
		b.append("policy pol on p with k {\n  boot {\n");
		List<String> labels = new ArrayList<>();
		for (String recipe : RECIPES) {
			if (random.nextInt(4) != 0) {
				b.append("    ").append(recipe).append('\n');
				labels.add(recipe);
			}
		}
		b.append("    lin: map [0xffff_0000_0000_0000, +").append(pick("2M", "64M", "1G")).append(") phys 0x4000_0000 ")
				.append(pick(PROTS)).append(flags()).append('\n');
		labels.add("lin");
		b.append("  }\n");
		if (random.nextBoolean()) {
			b.append("  snapshot {\n    swsusp_save\n  }\n");
		}
		b.append("}\n\n");
		int patches = random.nextInt(10) == 0 ? 50 + random.nextInt(200) : 1 + random.nextInt(3);
		b.append("series s on pol {\n");
		for (int i = 1; i <= patches; i++) {
			b.append("  patch ").append(i).append(" \"p").append(i).append("\" {\n    ").append(edit(labels, i))
					.append("\n  }\n");
		}
		b.append("}\n\n");
		b.append("checks c on s after ").append(1 + random.nextInt(patches)).append(random.nextBoolean() ? "" : " in runtime")
				.append(" {\n");
		for (int i = 0, k = 1 + random.nextInt(6); i < k; i++) {
			b.append("  ").append(check()).append('\n');
		}
		b.append("}\n");
		return Pipeline.Input.of("generated #" + n, b.toString());
	}

	private String edit(List<String> labels, int patch) {
		String anchor = labels.get(random.nextInt(labels.size()));
		String label = "e" + patch;
		String edit = switch (random.nextInt(5)) {
			case 0 -> "after " + anchor + ": " + label + ": set_memory_valid lm_alias[__init_end, __bss_stop) "
					+ pick("valid", "invalid");
			case 1 -> "on " + pick("runtime", "hibernation_prepare", "post_hibernation") + ": " + label
					+ ": set_memory_" + pick("ro", "rw", "nx") + " [_text, _etext)";
			case 2 -> "change lin: flags " + pick("|", "&~", "=") + " " + pick(FLAGS);
			case 3 -> "change lin: prot " + pick(PROTS);
			default -> "before " + anchor + ": " + label + ": map lm_alias[__init_end, __bss_stop) " + pick(PROTS)
					+ flags();
		};
		labels.add(label);
		return edit;
	}

	private String check() {
		return switch (random.nextInt(8)) {
			case 0 -> pick("read", "write", "exec") + " " + pick("lm_alias(__bss_start)", "page_address(empty_zero_page)",
					"_text", "0xffff_0000_0000_0000", "0xffff_ffff_ffff_f000") + " expect "
					+ pick("ok", "fault", "fault level 3 translation", "fault level 2 permission", "fault level -1");
			case 1 -> "ptdump expect " + pick("ok", "fault");
			case 2 -> pick("no_leak", "leaks") + " " + pick("[__init_end, __bss_stop)",
					"[0xffff_0000_0000_0000, +" + pick("1G", "1T", "16T") + ")") + pick("", " via linear", " via any");
			case 3 -> "wx_clean";
			case 4 -> "set_memory_valid " + pick("lm_alias[__init_end, __bss_stop)", "[lm_alias(__bss_start), +4K)",
					"[0xffff_0000_0000_0000, +" + pick("2M", "1T") + ")") + " " + pick("valid", "invalid") + " expect "
					+ pick("split", "no_split", "einval");
			case 5 -> "hibernation " + pick("saves", "skips") + " " + pick("lm_alias[__init_end, __bss_stop)",
					"[0xffff_0000_0000_0000, +" + pick("1G", "1T", "64T") + ")");
			case 6 -> "table_pages " + pick("<=", "<", "==", ">=", ">") + " " + random.nextInt(5000);
			default -> "read lm_alias(_text) expect ok";
		};
	}

	private String flags() {
		if (random.nextBoolean()) {
			return "";
		}
		return " " + pick(FLAGS) + (random.nextBoolean() ? " | " + pick(FLAGS) : "");
	}

	private String pick(String... values) {
		return values[random.nextInt(values.length)];
	}
}
