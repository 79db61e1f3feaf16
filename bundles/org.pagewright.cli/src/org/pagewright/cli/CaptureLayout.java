package org.pagewright.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import org.pagewright.arm64.CpuFeatures;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.VirtualAddress;
import org.pagewright.arm64.capture.Capture;
import org.pagewright.arm64.capture.CaptureInputs;
import org.pagewright.arm64.capture.Cpus;
import org.pagewright.arm64.capture.Parsed;
import org.pagewright.arm64.capture.RawLeafRun;
import org.pagewright.arm64.capture.RuntimeObservations;
import org.pagewright.arm64.kernel.BlockSplitCapability;
import org.pagewright.arm64.kernel.Boot;
import org.pagewright.arm64.kernel.BootPlatform;
import org.pagewright.arm64.kernel.BootSequence;
import org.pagewright.arm64.kernel.KernelConfig;
import org.pagewright.arm64.kernel.MapEntryTrampoline;
import org.pagewright.arm64.kernel.KernelImage;
import org.pagewright.arm64.kernel.PhysicalMemory;
import org.pagewright.arm64.kernel.ReadOnlyVmallocPages;
import org.pagewright.arm64.op.Operation;
import org.pagewright.lang.addresses.MmCmdlineWords;
import org.pagewright.lang.layout.RecipeKind;

/**
 * A capture's inputs written as a layout file: the platform, the image (every section symbol; each one the capture
 * lacks is derived as the capture replay derives it, with a comment saying how), the boot policy in the replay's
 * order, the run-time read-only pages it observed, and the checks the capture itself shows to hold. Its ptdump is
 * the replay's simulated dump.
 */
final class CaptureLayout {

	/** The section symbols a KernelImage is built from, by the field they fill (vmlinux.lds.S order). */
	private static final List<String> SECTION_SYMBOLS = List.of("_text", "_stext", "_etext", "__start_rodata",
			"__init_begin", "__inittext_end", "__initdata_begin", "__init_end", "_sdata", "__bss_stop", "_end");
	/** Objects of one page each (PAGE_SIZE arrays in pgtable.h, mm.h, fixmap.c). */
	private static final List<String> PAGE_OBJECTS = List.of("swapper_pg_dir", "idmap_pg_dir", "reserved_pg_dir",
			"tramp_pg_dir", "empty_zero_page", "bm_pud", "bm_pmd", "bm_pte");
	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
	/** A cmdline word the language can write: key[.key]*[=value] (Layout.xtext CmdlineWord). */
	private static final Pattern CMDLINE_WORD = Pattern.compile(
			"[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*(=([A-Za-z_][A-Za-z0-9_]*|[0-9]+|0[xX][0-9a-fA-F_]+|[0-9]+[KMGT]))?");

	/** The layout text and what a user should know about it (printed as warnings). */
	record Result(String text, List<String> warnings) {
	}

	private final StringBuilder out = new StringBuilder();
	private final List<String> warnings = new ArrayList<>();

	private CaptureLayout() {
	}

	/**
	 * @param name the base of the platform, image, policy and checks names (an identifier)
	 * @param source where the inputs came from, for the header comment
	 * @param assumptions the assumed: lines of the import (CPU choice first, then the engine's)
	 * @param fromDump whether the inputs came with the kernel's own dump (then its ptdump walk is known to work)
	 * @param cpuinfo the CPUs by the capture's cpuinfo, or the ones the user chose (--cpu, --midr, --cpuinfo)
	 */
	static Result write(String name, String source, Capture capture, CaptureInputs inputs, List<String> assumptions,
			boolean fromDump, List<Cpus.Processor> cpuinfo) {
		CaptureLayout w = new CaptureLayout();
		w.header(source, capture, assumptions);
		Boot boot = inputs.boot();
		w.platform(name, capture, boot, inputs.platform(), assumptions, cpuinfo);
		List<Operation.WriteObserved> trampoline = trampoline(capture, boot, inputs.platform());
		w.image(name, capture, boot, assumptions, !trampoline.isEmpty());
		List<Operation.WriteObserved> observed = new ArrayList<>(observed(capture, boot, w.warnings));
		observed.addAll(trampoline);
		w.policy(name, boot, inputs.readOnlyVmallocPages(), observed);
		w.checks(name, capture, fromDump);
		return new Result(w.out.toString(), List.copyOf(w.warnings));
	}

	private void header(String source, Capture capture, List<String> assumptions) {
		comment("Imported by pagewright-cli from " + source
				+ capture.release().map(r -> " (kernel " + r.version() + ")").orElse("") + ".");
		comment("Every value comes from the capture; what it lacks was assumed as the capture replay assumes it:");
		assumptions.forEach(a -> comment("assumed: " + a));
		comment("The Modules/vmalloc content outside the image is only run time's: it is written as observed (the "
				+ "runtime phase's `observed` steps), as the replay copies it; compare counts those lines, not judging them.");
		line("");
	}

	private void platform(String name, Capture capture, Boot boot, BootPlatform firmware, List<String> assumptions,
			List<Cpus.Processor> cpuinfo) {
		KernelConfig k = boot.config();
		line("platform " + name + "_platform {");
		line("  arch arm64");
		line("  granule " + k.build().geometry().granule().label());
		line("  va_bits " + k.build().geometry().vaBits());
		line("  kernel " + k.version());
		List<String> words = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		List<String> dropped = new ArrayList<>();
		for (String word : capture.cmdline()) {
			if (!CMDLINE_WORD.matcher(word).matches()) {
				dropped.add(word);
			} else {
				// words the mm code does not read (console=, root= …) would each be a warning in the written file
				(MmCmdlineWords.of(word.split("=", 2)[0]).isPresent() ? words : ignored).add(word);
			}
		}
		if (!ignored.isEmpty()) {
			line("  // cmdline words that do not change kernel mappings: " + String.join(" ", ignored));
		}
		if (!dropped.isEmpty()) {
			line("  // cmdline words the language cannot write, left out: "
					+ CONTROL.matcher(String.join(" ", dropped)).replaceAll(" "));
			warnings.add("cmdline words left out (not expressible in a .layout): " + String.join(" ", dropped));
		}
		if (!words.isEmpty()) {
			line("  cmdline " + String.join(" ", words));
		}
		KernelRules rules = KernelRules.of(k.version());
		List<Cpus.Processor> known = cpuinfo.stream().filter(p -> p.midr().isPresent()).toList();
		Optional<String> notByMidr = notByMidr(rules, capture, known, k.cpu());
		List<String> cpu = new ArrayList<>();
		if (k.cpu().va52()) {
			cpu.add("lpa2");
		}
		if (k.cpu().bbml2Noabort() && notByMidr.isPresent()) {
			// cpufeature.c: the same capability is BBML2-noabort up to 7.2 and BBML3 from 7.3
			cpu.add("BBML3".equals(rules.blockSplitCapabilityName()) ? "bbml3"
					: "bbml2_noabort");
		}
		if (k.cpu().kptiNeeded()) {
			cpu.add("kpti");
		}
		if (!cpu.isEmpty()) {
			line("  cpu " + String.join(" ", cpu));
		}
		if (notByMidr.isEmpty()) {
			runs(known).forEach(r -> line("  " + r));
		} else if (!known.isEmpty()) {
			line("  // cpuinfo: " + String.join(", ", runs(known)).replace("cpu ", "CPU ").replace("cpus ", "CPUs ")
					+ "; " + notByMidr.get());
		}
		List<String> without = cpuinfo.stream().filter(p -> p.midr().isEmpty()).map(p -> "" + p.cpu()).toList();
		if (!known.isEmpty() && !without.isEmpty()) {
			line("  // cpuinfo gives no MIDR for CPU(s) " + String.join(", ", without) + " (its block lacks a field): "
					+ "not written");
		}
		List<PhysicalMemory.Bank> banks = boot.memory().banks();
		for (int i = 0; i < banks.size(); i++) {
			PhysicalMemory.Bank b = banks.get(i);
			line(String.format("  dram ram%d at 0x%x size %s", i, b.start(), size(b.end() - b.start())));
		}
		if (firmware.fdtPhys().isPresent()) {
			line(String.format("  fdt at 0x%x size %s  // where the hardware walk finds FIX_FDT mapped",
					firmware.fdtPhys().getAsLong(), size(firmware.fdtSize())));
		}
		for (BootPlatform.IoWindow w : firmware.pciIoWindows()) {
			line(String.format("  pci_io at 0x%x size %s  // the kernel log's PCI host bridge I/O window", w.phys(),
					size(w.size())));
		}
		if (boot.kfencePoolPhys().isPresent()) {
			String how = assumptions.stream().filter(a -> a.contains("KFENCE pool")).findFirst()
					.orElse("the capture replay's early KFENCE pool");
			line(String.format("  kfence_pool at 0x%x  // %s", boot.kfencePoolPhys().getAsLong(),
					CONTROL.matcher(how).replaceAll(" ")));
		}
		line("}");
		line("");
	}

	/**
	 * Why the block-split capability is not written as the CPUs' MIDRs, or empty when it is: the kernel log decides
	 * when it can state the capability (cpufeature.c update_cpu_capabilities prints "CPU features: detected: …"
	 * for each one it sets), as in the replay; else the MIDR lines must give the replay's answer (which reads
	 * 7.3's ID_AA64MMFR2.BBM and takes secondaries as the boot CPU's model), CPU 0 among them (the validator's rule).
	 */
	private static Optional<String> notByMidr(KernelRules rules, Capture capture, List<Cpus.Processor> known,
			CpuFeatures replayed) {
		String description = rules.blockSplitCapabilityDescription();
		Optional<Boolean> logged = capture.detected(description);
		if (rules.hasBlockSplitCapability() && logged.isPresent()) {
			return Optional.of("the log's \"detected: " + description + "\" line decides (" + (logged.get() ? "present"
					: "absent") + ")");
		}
		OptionalLong boot = known.stream().filter(p -> p.cpu() == 0).findFirst().map(Cpus.Processor::midr)
				.orElse(OptionalLong.empty());
		if (boot.isEmpty()) {
			return Optional.of("no MIDR for CPU 0 (the boot CPU): the words say what the replay decides");
		}
		List<Long> secondaries = known.stream().filter(p -> p.cpu() != 0).map(p -> p.midr().getAsLong()).toList();
		BlockSplitCapability byMidr = BlockSplitCapability.byMidr(rules, boot.getAsLong(), OptionalLong.empty(),
				secondaries, OptionalLong.empty());
		if (byMidr.everyCpu() != replayed.bbml2Noabort() || byMidr.bootCpuOnly() != replayed.bbml2NoabortBootCpuOnly()) {
			return Optional.of("by these MIDRs the allow-list answers otherwise than the replay: the words say what "
					+ "the replay decides");
		}
		return Optional.empty();
	}

	/** {@code cpu N midr 0x…} / {@code cpus A-B midr 0x…} lines: consecutive CPUs of one MIDR as one line. */
	private static List<String> runs(List<Cpus.Processor> known) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < known.size();) {
			int j = i;
			long midr = known.get(i).midr().getAsLong();
			while (j + 1 < known.size() && known.get(j + 1).cpu() == known.get(j).cpu() + 1
					&& known.get(j + 1).midr().getAsLong() == midr) {
				j++;
			}
			int first = known.get(i).cpu();
			int last = known.get(j).cpu();
			out.add(first == last ? String.format("cpu %d midr 0x%08x", first, midr)
					: String.format("cpus %d-%d midr 0x%08x", first, last, midr));
			i = j + 1;
		}
		return out;
	}

	/** @param trampolineObserved whether the KPTI trampoline is written as observed (kallsyms lacks its symbols) */
	private void image(String name, Capture capture, Boot boot, List<String> assumptions, boolean trampolineObserved) {
		KernelImage image = boot.image();
		Map<String, Long> kallsyms = capture.kallsyms().all();
		long[] section = { image.text(), image.stext(), image.etext(), image.startRodata(), image.initBegin(),
				image.inittextEnd(), image.initdataBegin(), image.initEnd(), image.data(), image.bssStop(),
				image.end() };
		Map<String, Long> symbols = new LinkedHashMap<>();
		for (int i = 0; i < SECTION_SYMBOLS.size(); i++) {
			symbols.put(SECTION_SYMBOLS.get(i), section[i]);
		}
		kallsyms.forEach((n, v) -> {
			boolean inImage = Long.compareUnsigned(v, image.text()) >= 0 && Long.compareUnsigned(v, image.end()) <= 0;
			if (inImage && IDENTIFIER.matcher(n).matches()) {
				symbols.putIfAbsent(n, v);
			}
		});
		line("image " + name + "_image {");
		if (trampolineObserved) {
			line("  // kallsyms lacks __entry_tramp_text_start/_end, from which map_entry_trampoline sizes the KPTI");
			line("  // trampoline: its Fixmap pages are written as observed (runtime phase), as the hardware walk shows them");
			warnings.add("kallsyms lacks __entry_tramp_text_start/_end: the Fixmap's trampoline is written as observed "
					+ "from the hardware walk (add the two symbols to the image to have map_entry_trampoline map it)");
		}
		line(String.format("  load phys 0x%x virt 0x%x", image.pa(image.text()), image.text()));
		symbols.entrySet().stream().sorted((a, b) -> Long.compareUnsigned(a.getValue(), b.getValue()))
				.forEach(e -> {
					String n = e.getKey();
					String derived = kallsyms.containsKey(n) ? ""
							: "  // derived: " + CONTROL.matcher(derivation(n, assumptions)).replaceAll(" ");
					String size = PAGE_OBJECTS.contains(n) ? " size " + size(boot.pageSize()) : "";
					line(String.format("  symbol %s = 0x%x%s%s", n, e.getValue(), size, derived));
				});
		line("}");
		line("");
	}

	/** The run-time content of the capture as the replay copies it (none, with a warning, when it cannot be). */
	private static List<Operation.WriteObserved> observed(Capture capture, Boot boot, List<String> warnings) {
		Parsed<List<Operation.WriteObserved>> ops = RuntimeObservations.of(boot).operations(capture,
				boot.config().runtimeGeometry());
		ops.problems().forEach(p -> warnings.add(p.reason()));
		return ops.value();
	}

	/**
	 * 6.1's KPTI trampoline in the Fixmap when kallsyms lacks __entry_tramp_text_start/_end, from which a layout
	 * sizes it: the leaves the hardware walk shows at FIX_ENTRY_TRAMP_TEXT1 and the data page after the text, as
	 * observed content — the replay takes the trampoline's size from the same walk.
	 */
	private static List<Operation.WriteObserved> trampoline(Capture capture, Boot boot, BootPlatform firmware) {
		if (capture.kallsyms().address("__entry_tramp_text_start").isPresent()
				|| !boot.config().mapsEntryTrampolineInFixmap() || firmware.trampTextPages().isEmpty()) {
			return List.of();
		}
		long page = boot.pageSize();
		long start = MapEntryTrampoline.textOneVa(boot);
		long end = start + (firmware.trampTextPages().getAsInt() + 1L) * page;
		List<Operation.WriteObserved> out = new ArrayList<>();
		for (RawLeafRun run : capture.rawLeafRuns()) {
			if (run.level() == Geometry.LAST_LEVEL && Long.compareUnsigned(run.vaStart(), start) >= 0
					&& Long.compareUnsigned(run.vaEnd(), end) <= 0) {
				out.add(new Operation.WriteObserved(new VirtualAddress(run.vaStart()), run.count(), run.level(), false,
						new PhysicalAddress(run.oaStart()), run.attrs(), "observed KPTI trampoline"));
			}
		}
		return out;
	}

	private void policy(String name, Boot boot, List<ReadOnlyVmallocPages> readOnly,
			List<Operation.WriteObserved> observed) {
		line("// The boot in the order the replay runs it (setup_arch → paging_init, mm_init → kfence_init,");
		line("// kernel_init → free_initmem, mark_readonly); the recipes expand it for this kernel, cmdline and CPU.");
		line("policy " + name + "_boot on " + name + "_platform with " + name + "_image {");
		line("  boot {");
		for (BootSequence.Step step : BootSequence.steps(List.of())) {
			recipeName(step.name()).ifPresent(recipe -> line("    " + recipe));
		}
		line("  }");
		if (!readOnly.isEmpty() || !observed.isEmpty()) {
			line("  runtime {");
		}
		if (!readOnly.isEmpty()) {
			line("    // Observed at run time (kernel_page_tables_raw): pages of vmalloc areas (modules, the BPF JIT)");
			line("    // made read-only, written by the linear alias of their pages; with rodata=full the kernel makes");
			line("    // that alias read-only too (pageattr.c change_memory_common).");
			int i = 0;
			for (ReadOnlyVmallocPages p : readOnly) {
				line(String.format("    vmalloc_ro_%d: set_memory_ro vmalloc_backed [0x%x, +%s)  // %s", i++,
						boot.linear(p.phys()), size(p.size()), CONTROL.matcher(p.origin()).replaceAll(" ")));
			}
		}
		if (!observed.isEmpty()) {
			line("    // Content copied from the hardware walk as it was seen: the Modules and vmalloc content outside the");
			line("    // image (modules, vmalloc, ioremap, per-CPU chunks), which only run time makes, and what the capture");
			line("    // does not let a recipe derive.");
			for (Operation.WriteObserved o : observed) {
				long size = boot.config().runtimeGeometry().levelSize(o.level());
				String range = String.format("[0x%x, +%s) level %d", o.virt().value(), size(o.count() * size),
						o.level());
				line(o.table() ? "    observed table " + range
						: String.format("    observed %s phys 0x%x attrs 0x%x", range, o.phys().value(), o.attrs()));
			}
		}
		if (!readOnly.isEmpty() || !observed.isEmpty()) {
			line("  }");
		}
		line("}");
		line("");
	}

	private void checks(String name, Capture capture, boolean fromDump) {
		line("checks " + name + "_checks on " + name + "_boot {");
		line(fromDump ? "  // the capture holds the kernel's kernel_page_tables: its walk read every table"
				: "  // ptdump (CONFIG_DEBUG_WX runs it at boot) reads every table through its linear alias");
		line("  ptdump expect ok");
		line("}");
	}

	/**
	 * The language's recipe for a step of the engine's boot sequence: the same name, but for the pool's step (the
	 * language calls it after the pool); the run-time set_memory_ro step is written as the runtime phase.
	 */
	private static Optional<String> recipeName(String step) {
		if (step.equals("kfence_init_pool")) {
			return Optional.of(RecipeKind.KFENCE_POOL.getLiteral());
		}
		return Optional.ofNullable(RecipeKind.get(step)).map(RecipeKind::getLiteral);
	}

	/** The assumption that filled a symbol, as the capture replay listed it. */
	private static String derivation(String symbol, List<String> assumptions) {
		List<String> names = symbol.equals("_sdata") ? List.of("_sdata", "_data") : List.of(symbol);
		return assumptions.stream().filter(a -> names.stream().anyMatch(n -> a.startsWith(n + " ")))
				.findFirst().orElse("by the capture replay from the other symbols and iomem");
	}

	/** A size as the language writes it: 1G, 4K, else hexadecimal. */
	static String size(long bytes) {
		String[] units = { "T", "G", "M", "K" };
		long[] values = { 1L << 40, 1L << 30, 1L << 20, 1L << 10 };
		for (int i = 0; i < units.length; i++) {
			if (bytes >= values[i] && bytes % values[i] == 0) {
				return bytes / values[i] + units[i];
			}
		}
		return String.format("0x%x", bytes);
	}

	private void line(String text) {
		out.append(text).append('\n');
	}

	/** A comment line; text from the inputs (a capture's CRLF lines, a --uname value) may hold control characters
	 *  that would end the comment early. */
	private void comment(String text) {
		line("// " + CONTROL.matcher(text).replaceAll(" ").strip());
	}

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
}
