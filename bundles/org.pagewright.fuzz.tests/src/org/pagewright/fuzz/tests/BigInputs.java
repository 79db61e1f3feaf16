package org.pagewright.fuzz.tests;

/**
 * The large inputs of issue 13, made rather than stored: 100,000 DRAM banks, 10,000 edits in one patch, a
 * 10,000-symbol chain, 100,000 checks, 100,000 symbols, a 1,000-patch series — on the small machine of the findings.
 */
final class BigInputs {

	private BigInputs() {
	}

	private static String machine(String extraBanks, String extraSymbols) {
		return "platform small {\n  arch arm64\n  granule 4K\n  va_bits 48\n  kernel 6.18\n"
				+ "  dram bank0 at 0x4000_0000 size 64M\n" + extraBanks + "}\n\n"
				+ "image img {\n  load phys 0x4020_0000 virt 0xffff_8000_8000_0000\n"
				+ "  symbol _text = 0xffff800080000000\n  symbol data_start = _text + 8M\n"
				+ "  symbol data_end = data_start + 2M\n" + extraSymbols + "  symbol _end = data_end\n}\n\n"
				+ "policy base on small with img {\n  boot {\n    bank_map: map [0xffff000000000000, +64M) phys "
				+ "0x4000_0000 pgprot_tagged(PAGE_KERNEL) NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS\n  }\n}\n\n";
	}

	private static String series(String edits) {
		return "series unmap on base {\n  patch 1 \"unmap the data alias\" {\n"
				+ "    after bank_map: set_memory_valid lm_alias[data_start, data_end) invalid\n" + edits + "  }\n}\n\n";
	}

	private static String checks(String body) {
		return "checks good on unmap after 1 {\n  read lm_alias(data_start) expect fault level 3 translation\n" + body
				+ "}\n";
	}

	/** 005a: 100,000 banks of 4K above the first. */
	static String dramBanks(int n) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < n; i++) {
			b.append(String.format("  dram b%d at 0x%x size 4K%n", i, 0x1_0000_0000L + i * 0x2000L));
		}
		return machine(b.toString(), "") + series("") + checks("");
	}

	/** 005b: one patch with 10,000 edits, each after the previous one. */
	static String edits(int n) {
		StringBuilder b = new StringBuilder();
		String anchor = "bank_map";
		for (int i = 0; i < n; i++) {
			b.append("    after ").append(anchor).append(": e").append(i)
					.append(": set_memory_valid lm_alias[data_start, data_end) invalid\n");
			anchor = "e" + i;
		}
		return machine("", "") + series(b.toString()) + checks("");
	}

	/** 006: symbols s_i = s_(i-1) + 4K. */
	static String symbolChain(int n) {
		StringBuilder b = new StringBuilder("  symbol s0 = _text\n");
		for (int i = 1; i < n; i++) {
			b.append("  symbol s").append(i).append(" = s").append(i - 1).append(" + 4K\n");
		}
		return machine("", b.toString()) + series("") + checks("");
	}

	/** big-checks-100k: 100,000 reads. */
	static String checkList(int n) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < n; i++) {
			b.append("  read lm_alias(data_start) expect fault level 3 translation\n");
		}
		return machine("", "") + series("") + checks(b.toString());
	}

	/** big-symbols-100k: 100,000 independent symbols inside the image. */
	static String symbols(int n) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < n; i++) {
			b.append(String.format("  symbol sym%d = 0x%x%n", i, 0xffff800080000000L + (i % 2048) * 4096L));
		}
		return machine("", b.toString()) + series("") + checks("");
	}

	/** n CPUs, one `cpu N midr` line each: the validator compares them in n log n. */
	static String cpuMidrs(int n) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < n; i++) {
			b.append("  cpu ").append(i).append(" midr 0x411fd070\n");
		}
		return machine(b.toString(), "") + series("") + checks("");
	}

	/** A series of n patches, each one edit. */
	static String patches(int n) {
		StringBuilder b = new StringBuilder(machine("", "")).append("series unmap on base {\n");
		for (int i = 1; i <= n; i++) {
			b.append("  patch ").append(i).append(" \"p").append(i).append("\" {\n    on runtime: set_memory_valid "
					+ "lm_alias[data_start, data_end) ").append(i % 2 == 0 ? "valid" : "invalid").append("\n  }\n");
		}
		return b.append("}\n\n").append(checks("")).toString();
	}
}
