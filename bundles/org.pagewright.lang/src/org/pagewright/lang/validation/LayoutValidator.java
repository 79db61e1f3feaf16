package org.pagewright.lang.validation;

import static org.pagewright.lang.validation.LayoutIssueCodes.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.xtext.validation.Check;
import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.Granule;
import org.pagewright.arm64.GeometryResult;
import org.pagewright.arm64.KernelRules;
import org.pagewright.arm64.KernelVersion;
import org.pagewright.arm64.kernel.KernelConfig;
import org.pagewright.arm64.layout.KernelVaLayout;
import org.pagewright.config.run.KernelBuildOptions;
import org.pagewright.lang.addresses.AddressEvaluator;
import org.pagewright.lang.addresses.MmCmdlineWords;
import org.pagewright.lang.addresses.PlatformFacts;
import org.pagewright.lang.layout.ChangeStep;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.CmdlineWord;
import org.pagewright.lang.layout.CpuFeature;
import org.pagewright.lang.layout.PlatformSetting;
import org.pagewright.lang.layout.CpuSetting;
import org.pagewright.lang.layout.DirectMapStep;
import org.pagewright.lang.layout.CpuMidrSetting;
import org.pagewright.lang.layout.DramBank;
import org.pagewright.lang.layout.ObservedStep;
import org.pagewright.lang.layout.Edit;
import org.pagewright.lang.layout.Element;
import org.pagewright.lang.layout.Expression;
import org.pagewright.lang.layout.Flag;
import org.pagewright.lang.layout.FlagsChange;
import org.pagewright.lang.layout.GranuleSetting;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.AppendStep;
import org.pagewright.lang.layout.InsertStep;
import org.pagewright.lang.layout.KconfigOption;
import org.pagewright.lang.layout.KernelSetting;
import org.pagewright.lang.layout.LayoutPackage;
import org.pagewright.lang.layout.MapStep;
import org.pagewright.lang.layout.Outcome;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.Primitive;
import org.pagewright.lang.layout.ProtChange;
import org.pagewright.lang.layout.ProtName;
import org.pagewright.lang.layout.PtdumpContentCheck;
import org.pagewright.lang.layout.Range;
import org.pagewright.lang.layout.RangeCheck;
import org.pagewright.lang.layout.Recipe;
import org.pagewright.lang.layout.RemoveStep;
import org.pagewright.lang.layout.ReplaceStep;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.SetMemoryKind;
import org.pagewright.lang.layout.SetMemoryStep;
import org.pagewright.lang.layout.SetValidStep;
import org.pagewright.lang.layout.SplitCheck;
import org.pagewright.lang.layout.SplitResult;
import org.pagewright.lang.layout.Step;
import org.pagewright.lang.layout.Symbol;
import org.pagewright.lang.layout.UpdateProtStep;
import org.pagewright.lang.layout.VaBitsSetting;
import org.pagewright.lang.naming.LayoutContexts;
import org.pagewright.lang.naming.StepNames;

/** One {@code @Check} per rule; each diagnostic carries its {@link LayoutIssueCodes} code and sits on the offending feature. */
public class LayoutValidator extends AbstractLayoutValidator {

	private static final LayoutPackage L = LayoutPackage.eINSTANCE;

	/** The image symbols whose order vmlinux.lds.S fixes (arch/arm64/kernel/vmlinux.lds.S). */
	static final List<String> ORDERED_SYMBOLS = List.of("_text", "_stext", "_etext", "__start_rodata",
			"__init_begin", "__init_end", "_sdata", "__bss_start", "__bss_stop", "_end");

	// ------------------------------------------------------------------ names

	@Check
	public void checkNamesAreUnique(Model model) {
		reportDuplicates(model.getElements(), L.getElement_Name());
		for (Element element : model.getElements()) {
			if (element instanceof Image image) {
				reportDuplicates(image.getSymbols(), L.getSymbol_Name());
			} else if (element instanceof Platform platform) {
				reportDuplicates(platform.getSettings().stream().filter(DramBank.class::isInstance).toList(),
						L.getDramBank_Name());
			} else if (element instanceof Policy policy) {
				List<Step> steps = new ArrayList<>();
				policy.getPhases().forEach(p -> steps.addAll(p.getSteps()));
				reportDuplicateSteps(steps);
			} else if (element instanceof Series series) {
				reportDuplicates(series.getPatches(), L.getPatch_Number());
				series.getPatches().forEach(patch -> reportDuplicateSteps(stepsAddedBy(patch)));
			}
		}
	}

	private void reportDuplicates(List<? extends EObject> objects, EStructuralFeature feature) {
		Map<Object, EObject> seen = new HashMap<>();
		for (EObject object : objects) {
			Object key = object.eGet(feature);
			if (key != null && seen.putIfAbsent(key, object) != null) {
				error("Duplicate " + feature.getEContainingClass().getName().toLowerCase() + " '" + key + "'", object,
						feature, DUPLICATE_NAME);
			}
		}
	}

	/** The steps a patch brings in (inserted, appended, replacements): two with one label leave patches unable to tell. */
	private static List<Step> stepsAddedBy(Patch patch) {
		List<Step> steps = new ArrayList<>();
		for (var edit : patch.getEdits()) {
			if (edit instanceof InsertStep insert) {
				steps.add(insert.getStep());
			} else if (edit instanceof AppendStep append) {
				steps.add(append.getStep());
			} else if (edit instanceof ReplaceStep replace) {
				steps.add(replace.getStep());
			}
		}
		steps.removeIf(java.util.Objects::isNull);
		return steps;
	}

	private void reportDuplicateSteps(List<Step> steps) {
		Set<String> seen = new HashSet<>();
		for (Step step : steps) {
			String name = StepNames.nameOf(step);
			if (name != null && !seen.add(name)) {
				error("Duplicate step '" + name + "': label one of them (`name: " + name + "`) so patches can tell them apart",
						step, step.getName() != null ? L.getStep_Name() : L.getStep_Action(), DUPLICATE_NAME);
			}
		}
	}

	// ------------------------------------------------------------------ platform

	@Check
	public void checkDramBanksDoNotOverlap(Platform platform) {
		List<DramBank> banks = platform.getSettings().stream().filter(DramBank.class::isInstance)
				.map(DramBank.class::cast).filter(b -> b.getBase() != null && b.getSize() != null).toList();
		// n log n: 100,000 banks validate in well under a second
		for (Overlaps.Overlap<DramBank> o : Overlaps.of(banks, DramBank::getBase, b -> b.getBase().add(b.getSize()))) {
			error("DRAM bank '" + o.later().getName() + "' overlaps bank '" + o.earlier().getName() + "'", o.later(),
					L.getDramBank_Base(), OVERLAPPING_DRAM_BANKS);
		}
	}

	/** map_mem decides on the boot CPU's answer (mmu.c force_pte_mapping): MIDRs must name CPU 0. */
	@Check
	public void checkBootCpuHasMidr(Platform platform) {
		List<CpuMidrSetting> lines = platform.getSettings().stream().filter(CpuMidrSetting.class::isInstance)
				.map(CpuMidrSetting.class::cast).toList();
		if (!lines.isEmpty() && lines.stream().noneMatch(l -> l.getFirst() == 0)) {
			error("CPU 0 boots and decides how map_mem maps: give its MIDR too (cpu 0 midr 0x…)", lines.get(0),
					L.getCpuMidrSetting_First(), NO_BOOT_CPU_MIDR);
		}
	}

	/** One MIDR per CPU; the capability either by word for every CPU or by each CPU's MIDR (cpufeature.c). */
	@Check
	public void checkCpuMidrsAgree(Platform platform) {
		List<CpuMidrSetting> lines = new ArrayList<>();
		for (PlatformSetting s : platform.getSettings()) {
			if (s instanceof CpuMidrSetting line) {
				if (line.getLast() != 0 && line.getLast() < line.getFirst()) {
					error("cpus " + line.getFirst() + "-" + line.getLast() + " names no CPU: the last comes first",
							line, L.getCpuMidrSetting_Last(), CPU_MIDR_CONFLICT);
				} else {
					lines.add(line);
				}
			}
		}
		// n log n over the CPU numbers, as the DRAM banks
		for (Overlaps.Overlap<CpuMidrSetting> o : Overlaps.of(lines, l -> BigInteger.valueOf(l.getFirst()),
				l -> BigInteger.valueOf(PlatformFacts.lastCpu(l) + 1L))) {
			error("CPU " + Math.max(o.later().getFirst(), o.earlier().getFirst()) + " already has a MIDR", o.later(),
					L.getCpuMidrSetting_First(), CPU_MIDR_CONFLICT);
		}
		if (!lines.isEmpty() && (PlatformFacts.hasCpu(platform, CpuFeature.BBML2_NOABORT)
				|| PlatformFacts.hasCpu(platform, CpuFeature.BBML3))) {
			for (CpuMidrSetting line : lines) {
				warning("With MIDRs each CPU's allow-list answer decides the block-split capability: the words "
						+ "bbml2_noabort/bbml3 are not read", line, L.getCpuMidrSetting_Midr(), CPU_MIDR_CONFLICT);
			}
		}
	}

	@Check
	public void checkGranule(GranuleSetting setting) {
		BigInteger size = setting.getSize();
		if (size != null && Arrays.stream(Granule.values()).noneMatch(g -> BigInteger.valueOf(g.pageSize()).equals(size))) {
			List<String> labels = Arrays.stream(Granule.values()).map(Granule::label).toList();
			error("arm64 granules are " + String.join(", ", labels.subList(0, labels.size() - 1)) + " and "
					+ labels.get(labels.size() - 1), setting, L.getGranuleSetting_Size(), UNSUPPORTED_GRANULE);
		}
	}

	/** VA sizes per granule: the ARM64_VA_BITS choices of arch/arm64/Kconfig (the engine's Geometry). */
	@Check
	public void checkVaBitsForGranule(VaBitsSetting setting) {
		Platform platform = (Platform) setting.eContainer();
		var granule = PlatformFacts.granule(platform);
		if (granule.isPresent() && Geometry.check(granule.get(), setting.getBits()) instanceof GeometryResult.Unsupported u) {
			error(u.reason(), setting, L.getVaBitsSetting_Bits(), UNSUPPORTED_VA_BITS);
		}
	}

	/**
	 * 52-bit VAs need FEAT_LVA with 64K pages and FEAT_LPA2 with 4K/16K: on a CPU without it the kernel falls back to
	 * VA_BITS_MIN at boot (pi/map_kernel.c early_map_kernel, memory.h vabits_actual), which the simulation follows.
	 */
	@Check
	public void checkVaBitsNeedLpa2(VaBitsSetting setting) {
		Platform platform = (Platform) setting.eContainer();
		var granule = PlatformFacts.granule(platform);
		if (setting.getBits() == 52 && granule.isPresent() && !PlatformFacts.cpuHas52BitVa(platform)
				&& Geometry.check(granule.get(), 52) instanceof GeometryResult.Supported build) {
			int fallback = KernelVaLayout.vaBitsMin(build.geometry());
			boolean lva = granule.get() == Granule.G64K;
			warning("Without cpu " + (lva ? "lva" : "lpa2") + " this 52-bit kernel runs with " + fallback
					+ "-bit VAs (vabits_actual = " + fallback + (lva ? ", the same levels)" : ", one translation level less)"),
					setting, L.getVaBitsSetting_Bits(), VA_BITS_NEED_LPA2);
		}
	}

	@Check
	public void checkKernelVersionIsKnown(KernelSetting setting) {
		List<String> modelled = KernelVersion.MODELLED.stream().map(KernelVersion::toString).toList();
		if (!modelled.contains(setting.getVersion())) {
			warning("The engine follows kernels " + modelled + "; " + setting.getVersion()
					+ " is simulated as the closest one", setting, L.getKernelSetting_Version(), UNKNOWN_KERNEL_VERSION);
		}
	}

	@Check
	public void checkCmdlineWordMattersToMm(CmdlineWord word) {
		if (MmCmdlineWords.of(word.getKey()).isEmpty()) {
			warning("'" + word.getKey() + "' does not change kernel mappings; it is ignored", word,
					L.getCmdlineWord_Key(), UNKNOWN_CMDLINE_WORD);
		}
	}

	/** The build options the engine's recipes read (config's KernelBuildOptions, the runner's own reader). */
	@Check
	public void checkKconfigOptionIsModelled(KconfigOption option) {
		String line = option.getName() + "=" + option.getValue();
		KernelBuildOptions.problem(line).ifPresent(problem -> error("config '" + line + "': " + problem, option,
				L.getKconfigOption_Name(), BAD_KCONFIG_OPTION));
	}

	@Check
	public void checkCmdlineValue(CmdlineWord word) {
		MmCmdlineWords.Word known = MmCmdlineWords.of(word.getKey()).orElse(null);
		if (known == null || word.getValue() == null) {
			return;
		}
		if (!known.accepts(word.getValue())) {
			error("'" + word.getKey() + "=" + word.getValue() + "' is not accepted by the kernel"
					+ (known.numeric() ? " (milliseconds expected)" : " (expected one of " + known.values() + ")"), word,
					L.getCmdlineWord_Value(), BAD_CMDLINE_VALUE);
		}
	}

	/**
	 * rodata= words changed meaning (arch/arm64/include/asm/setup.h; the engine's KernelConfig.rodataOnMeansFull):
	 * before, full/on/off; from then, on (= full)/noalias/off. The word the other kernel ignores is a warning.
	 */
	@Check
	public void checkRodataWordForKernel(CmdlineWord word) {
		Platform platform = (Platform) word.eContainer().eContainer();
		var kernel = PlatformFacts.kernel(platform);
		if (!"rodata".equals(word.getKey()) || kernel.isEmpty()) {
			return;
		}
		boolean newWords = KernelConfig.rodataOnMeansFull(kernel.get());
		if (newWords && "full".equals(word.getValue())) {
			warning("Kernel " + kernel.get() + " does not know rodata=full: write rodata=on, which is full there", word,
					L.getCmdlineWord_Value(), CMDLINE_WORD_IGNORED, "on");
		} else if (!newWords && "noalias".equals(word.getValue())) {
			warning("Kernel " + kernel.get() + " does not know rodata=noalias: write rodata=on, which is not full there",
					word, L.getCmdlineWord_Value(), CMDLINE_WORD_IGNORED, "on");
		}
	}

	/** 7.3 renamed BBML2-noabort to BBML3 (system_supports_bbml3(); the engine's KernelRules). */
	@Check
	public void checkBbmlFeatureName(CpuSetting setting) {
		var kernel = PlatformFacts.kernel((Platform) setting.eContainer());
		if (kernel.isEmpty()) {
			return;
		}
		boolean bbml3Era = "BBML3".equals(KernelRules.of(kernel.get()).blockSplitCapabilityName());
		for (int i = 0; i < setting.getFeatures().size(); i++) {
			CpuFeature feature = setting.getFeatures().get(i);
			if (bbml3Era && feature == CpuFeature.BBML2_NOABORT) {
				warning("Kernel " + kernel + " calls this capability bbml3", setting, L.getCpuSetting_Features(), i,
						CPU_FEATURE_NAME, "bbml3");
			} else if (!bbml3Era && feature == CpuFeature.BBML3) {
				warning("Kernel " + kernel + " calls this capability bbml2_noabort", setting,
						L.getCpuSetting_Features(), i, CPU_FEATURE_NAME, "bbml2_noabort");
			}
		}
	}

	// ------------------------------------------------------------------ image and addresses

	/** __create_pgd_mapping() WARNs and returns when (phys ^ virt) & ~PAGE_MASK (arch/arm64/mm/mmu.c). */
	@Check
	public void checkImageLoadAlignment(Image image) {
		if (image.getPhys() != null && image.getVirt() != null) {
			BigInteger page = PlatformFacts.pageSize(LayoutContexts.platformOf(image));
			if (image.getPhys().xor(image.getVirt()).mod(page).signum() != 0) {
				error("phys and virt differ within a page: (phys ^ virt) & ~PAGE_MASK must be 0", image,
						L.getImage_Virt(), MISALIGNED_PHYS_VIRT);
			}
		}
	}

	@Check
	public void checkMapAlignment(Primitive step) {
		Expression physExpression = step instanceof MapStep map ? map.getPhys()
				: step instanceof UpdateProtStep update ? update.getPhys() : null;
		if (physExpression == null || step.getRange() == null) {
			return;
		}
		AddressEvaluator evaluator = AddressEvaluator.forContext(step);
		BigInteger phys = evaluator.valueOf(physExpression);
		BigInteger[] bounds = evaluator.bounds(step.getRange());
		if (phys != null && bounds != null
				&& phys.xor(bounds[0]).mod(PlatformFacts.pageSize(evaluator.platform())).signum() != 0) {
			error("phys and virt differ within a page: (phys ^ virt) & ~PAGE_MASK must be 0", step,
					step instanceof MapStep ? L.getMapStep_Phys() : L.getUpdateProtStep_Phys(), MISALIGNED_PHYS_VIRT);
		}
	}

	@Check
	public void checkImageLoadVaInRange(Image image) {
		Platform platform = LayoutContexts.platformOf(image);
		if (platform != null && image.getVirt() != null && image.getVirt().compareTo(PlatformFacts.TWO_TO_64) < 0
				&& image.getVirt().compareTo(PlatformFacts.pageOffset(platform)) < 0) {
			error(vaOutOfRangeMessage(image.getVirt(), platform), image, L.getImage_Virt(), VA_OUT_OF_RANGE);
		}
	}

	/** Kernel VAs are the top 2^VA_BITS of the address space: [PAGE_OFFSET, 2^64). */
	@Check
	public void checkAddressInKernelVaRange(Expression expression) {
		if (expression.eContainer() instanceof Expression || !isKernelVa(expression)) {
			return;
		}
		AddressEvaluator evaluator = AddressEvaluator.forContext(expression);
		BigInteger va = evaluator.valueOf(expression);
		Platform platform = evaluator.platform();
		boolean exclusiveEnd = expression.eContainingFeature() == L.getRange_End();
		BigInteger limit = exclusiveEnd ? PlatformFacts.TWO_TO_64 : PlatformFacts.TWO_TO_64.subtract(BigInteger.ONE);
		if (va == null || platform == null || va.compareTo(limit) > 0) {
			return; // unknown, or reported as an overflow
		}
		if (va.compareTo(PlatformFacts.pageOffset(platform)) < 0) {
			error(vaOutOfRangeMessage(va, platform), expression.eContainer(), expression.eContainingFeature(),
					VA_OUT_OF_RANGE);
		}
	}

	private static boolean isKernelVa(Expression expression) {
		EStructuralFeature feature = expression.eContainingFeature();
		if (feature == L.getMapStep_Phys() || feature == L.getUpdateProtStep_Phys() || feature == L.getOutcome_Pa()) {
			return false;
		}
		return !(feature == L.getRange_End() && ((Range) expression.eContainer()).isSized());
	}

	private static String vaOutOfRangeMessage(BigInteger va, Platform platform) {
		return "0x" + va.toString(16) + " is not a kernel VA: with " + PlatformFacts.vaBits(platform)
				+ "-bit VA, kernel addresses start at PAGE_OFFSET 0x" + PlatformFacts.pageOffset(platform).toString(16);
	}

	@Check
	public void checkSymbolsInLinkOrder(Image image) {
		AddressEvaluator evaluator = new AddressEvaluator(null, image);
		String previousName = null;
		BigInteger previous = null;
		for (String name : ORDERED_SYMBOLS) {
			Symbol symbol = symbol(image, name);
			BigInteger value = symbol == null ? null : evaluator.valueOf(symbol);
			if (value == null) {
				continue;
			}
			if (previous != null && value.compareTo(previous) < 0) {
				error(name + " lies below " + previousName + ": vmlinux.lds.S places it after", symbol,
						L.getSymbol_Value(), SYMBOLS_OUT_OF_ORDER);
			}
			previousName = name;
			previous = value;
		}
	}

	@Check
	public void checkSymbolsInsideImage(Image image) {
		AddressEvaluator evaluator = new AddressEvaluator(null, image);
		BigInteger text = evaluator.valueOf(symbol(image, "_text"));
		BigInteger end = evaluator.valueOf(symbol(image, "_end"));
		if (text == null || end == null) {
			return;
		}
		for (Symbol symbol : image.getSymbols()) {
			BigInteger value = evaluator.valueOf(symbol);
			if (value != null && (value.compareTo(text) < 0 || value.compareTo(end) > 0)) {
				warning(symbol.getName() + " lies outside the image [_text, _end]", symbol, L.getSymbol_Value(),
						SYMBOL_OUTSIDE_IMAGE);
			}
		}
	}

	private static Symbol symbol(Image image, String name) {
		return image.getSymbols().stream().filter(s -> name.equals(s.getName())).findFirst().orElse(null);
	}

	/** Every number attribute, and every address sum, must fit in an unsigned 64-bit value. */
	/** The number-valued attributes of each class, looked up once per class instead of per object. */
	private static final Map<EClass, List<EAttribute>> BIG_INTEGER_ATTRIBUTES = new ConcurrentHashMap<>();

	private static List<EAttribute> bigIntegerAttributes(EClass type) {
		return BIG_INTEGER_ATTRIBUTES.computeIfAbsent(type, t -> t.getEAllAttributes().stream()
				.filter(a -> a.getEType() == EcorePackage.Literals.EBIG_INTEGER).toList());
	}

	@Check
	public void checkNumbersFitIn64Bits(EObject object) {
		for (EAttribute attribute : bigIntegerAttributes(object.eClass())) {
			if (object.eGet(attribute) instanceof BigInteger value && value.bitLength() > 64) {
				error("0x" + value.toString(16) + " does not fit in 64 bits", object, attribute, NUMBER_OVERFLOW);
			}
		}
		if (object instanceof Expression expression && !(expression.eContainer() instanceof Expression)
				&& !(object instanceof org.pagewright.lang.layout.Literal)) {
			BigInteger value = AddressEvaluator.forContext(expression).valueOf(expression);
			if (value != null && (value.signum() < 0 || value.bitLength() > 64)) {
				error("This address wraps: its value does not fit in 64 bits", expression.eContainer(),
						expression.eContainingFeature(), NUMBER_OVERFLOW);
			}
		}
	}

	@Check
	public void checkRangeNotEmpty(Range range) {
		BigInteger[] bounds = AddressEvaluator.forContext(range).boundsBeforeAlias(range);
		if (bounds != null && bounds[1].compareTo(bounds[0]) <= 0) {
			error("Empty range: its end is not above its start", range, L.getRange_End(), EMPTY_RANGE);
		}
	}

	// ------------------------------------------------------------------ steps

	/** map_mem() maps the linear map with NO_EXEC_MAPPINGS; an executable linear alias defeats W^X (ptdump check_wx). */
	@Check
	public void checkNoExecutableLinearMapping(Primitive step) {
		boolean exec = step instanceof MapStep map && map.getProt() != null
				&& map.getProt().getBase() == ProtName.PAGE_KERNEL_EXEC
				|| step instanceof UpdateProtStep update && update.getProt() != null
						&& update.getProt().getBase() == ProtName.PAGE_KERNEL_EXEC
				|| step instanceof SetMemoryStep set && set.getKind() == SetMemoryKind.X && !set.isVmallocBacked();
		if (exec && step.getRange() != null && isLinear(step.getRange())) {
			EStructuralFeature feature = step instanceof MapStep ? L.getMapStep_Prot()
					: step instanceof UpdateProtStep ? L.getUpdateProtStep_Prot() : L.getSetMemoryStep_Kind();
			warning("Writable and executable alias in the linear map: the linear map is never executable", step,
					feature, WX_LINEAR_MAPPING);
		}
	}

	private static boolean isLinear(Range range) {
		if (range.isLinearAlias()) {
			return true;
		}
		AddressEvaluator evaluator = AddressEvaluator.forContext(range);
		BigInteger[] bounds = evaluator.bounds(range);
		return bounds != null && evaluator.isLinear(bounds[0]);
	}

	/** pageattr.c change_memory_common mirrors only PTE_RDONLY changes of a vmalloc area to the linear alias. */
	@Check
	public void checkVmallocBackedChangeReachesTheLinearMap(SetMemoryStep step) {
		if (step.isVmallocBacked() && step.getKind() != SetMemoryKind.RO && step.getKind() != SetMemoryKind.RW) {
			warning(step.getKind().getLiteral() + " on a vmalloc area does not change the linear alias of its pages "
					+ "(only set_memory_ro/rw are mirrored): the step has no effect", step,
					L.getSetMemoryStep_VmallocBacked(), VMALLOC_CHANGE_NOT_MIRRORED);
		}
	}

	/** set_memory_*(), set_direct_map_*() and update_mapping_prot() take no mapping flags (pageattr.c, mmu.c). */
	@Check
	public void checkFlagsAreAccepted(Primitive step) {
		if (!(step instanceof MapStep) && !step.getFlags().isEmpty()) {
			String function = step instanceof SetValidStep ? "set_memory_valid()"
					: step instanceof UpdateProtStep ? "update_mapping_prot()"
							: step instanceof DirectMapStep ? "set_direct_map_*()" : "set_memory_*()";
			warning(function + " takes no mapping flags: they have no effect", step, L.getPrimitive_Flags(),
					FLAGS_IGNORED);
		}
	}

	/** Blocks and contiguous runs never extend past the request (__create_pgd_mapping(), mmu.c). */
	@Check
	public void checkFlagsCanTakeEffect(MapStep step) {
		if (step.getRange() == null) {
			return;
		}
		AddressEvaluator evaluator = AddressEvaluator.forContext(step);
		BigInteger[] bounds = evaluator.bounds(step.getRange());
		if (bounds == null || evaluator.platform() == null) {
			return;
		}
		for (int i = 0; i < step.getFlags().size(); i++) {
			Flag flag = step.getFlags().get(i);
			BigInteger unit = flag == Flag.NO_BLOCK_MAPPINGS ? PlatformFacts.pmdSize(evaluator.platform())
					: flag == Flag.NO_CONT_MAPPINGS ? PlatformFacts.contPteSize(evaluator.platform()) : null;
			if (unit != null && !holdsAlignedUnit(bounds, unit)) {
				warning(flag + " has no effect: [0x" + bounds[0].toString(16) + ", 0x" + bounds[1].toString(16)
						+ ") holds no aligned " + unit.shiftRight(10) + "K " + (flag == Flag.NO_BLOCK_MAPPINGS
								? "block" : "contiguous run"),
						step, L.getPrimitive_Flags(), i, FLAG_WITHOUT_EFFECT, flag.getLiteral());
			}
		}
	}

	private static boolean holdsAlignedUnit(BigInteger[] bounds, BigInteger unit) {
		BigInteger firstAligned = bounds[0].add(unit).subtract(BigInteger.ONE).divide(unit).multiply(unit);
		return firstAligned.add(unit).compareTo(bounds[1]) <= 0;
	}

	// ------------------------------------------------------------------ series and checks

	@Check
	public void checkEditedStepStillExists(Edit edit) {
		Step target = target(edit);
		if (target == null || target.eIsProxy()) {
			return;
		}
		StepRemovals.Removal earlier = StepRemovals.of((Series) edit.eContainer().eContainer()).before(edit, target);
		if (earlier != null) {
			error("Step '" + StepNames.nameOf(target) + "' was " + (earlier.edit() instanceof RemoveStep ? "removed"
					: "replaced") + " by patch " + earlier.patch().getNumber(), edit, targetFeature(edit),
					STEP_REMOVED_EARLIER);
		}
	}

	private static Step target(Edit edit) {
		return edit instanceof InsertStep insert ? insert.getAnchor()
				: edit instanceof ReplaceStep replace ? replace.getTarget()
						: edit instanceof RemoveStep remove ? remove.getTarget()
								: edit instanceof ChangeStep change ? change.getTarget() : null;
	}

	private static EStructuralFeature targetFeature(Edit edit) {
		return edit instanceof InsertStep ? L.getInsertStep_Anchor()
				: edit instanceof ReplaceStep ? L.getReplaceStep_Target()
						: edit instanceof RemoveStep ? L.getRemoveStep_Target() : L.getChangeStep_Target();
	}

	@Check
	public void checkChangeApplies(ChangeStep change) {
		Step target = change.getTarget();
		if (target == null || target.eIsProxy() || change.getChange() == null) {
			return;
		}
		boolean hasProt = target.getAction() instanceof MapStep || target.getAction() instanceof UpdateProtStep;
		if (target.getAction() instanceof Recipe) {
			error("A kernel recipe has no prot or flags to change: replace it, or edit a primitive step", change,
					L.getChangeStep_Change(), CHANGE_NOT_APPLICABLE);
		} else if (change.getChange() instanceof ProtChange && !hasProt) {
			error("Only map and update_mapping_prot steps have a prot", change, L.getChangeStep_Change(),
					CHANGE_NOT_APPLICABLE);
		} else if (change.getChange() instanceof FlagsChange && !(target.getAction() instanceof MapStep)) {
			error("Only map steps take mapping flags", change, L.getChangeStep_Change(), CHANGE_NOT_APPLICABLE);
		}
	}

	@Check
	public void checkPatchNumberExists(Checks checks) {
		if (checks.getPatch() == null || checks.getPatch() == 0 || checks.getSubject() == null
				|| checks.getSubject().eIsProxy()) {
			return;
		}
		if (checks.getSubject() instanceof Series series) {
			List<Integer> numbers = series.getPatches().stream().map(Patch::getNumber).toList();
			if (!numbers.contains(checks.getPatch())) {
				error("Series '" + series.getName() + "' has no patch " + checks.getPatch() + " (it has " + numbers
						+ ")", checks, L.getChecks_Patch(), UNKNOWN_PATCH_NUMBER,
						numbers.isEmpty() ? new String[0] : new String[] { numbers.get(numbers.size() - 1).toString() });
			}
		} else {
			error("'" + checks.getSubject().getName() + "' is a policy: it has no patches", checks, L.getChecks_Patch(),
					UNKNOWN_PATCH_NUMBER);
		}
	}

	// ------------------------------------------------------------------ what the tables look like

	/** `expect mapped as "…"` names ptdump's attribute words (arch/arm64/mm/ptdump.c pte_bits[]). */
	@Check
	public void checkPtdumpWords(Outcome outcome) {
		if (!outcome.isMapped() || outcome.getAttributes() == null) {
			return;
		}
		List<String> written = List.of(outcome.getAttributes().strip().split("\\s+"));
		var known = PtdumpWords.known();
		for (String word : written) {
			if (!word.isEmpty() && !known.contains(word)) {
				String closest = PtdumpWords.closest(word, known);
				error("ptdump prints no attribute '" + word + "'" + (closest == null ? "" : ": did you mean '" + closest
						+ "'?") + " (it prints " + String.join(" ", known) + ")", outcome, L.getOutcome_Attributes(),
						UNKNOWN_PTDUMP_WORD);
				return;
			}
		}
		for (String contradiction : PtdumpWords.contradictions(written)) {
			error("One leaf cannot print " + contradiction, outcome, L.getOutcome_Attributes(),
					CONTRADICTORY_PTDUMP_WORDS);
		}
	}

	/** A leaf above the last level is a block, at the last level a page (ARM ARM D8.3). */
	@Check
	public void checkLeafExpectation(Outcome outcome) {
		if (outcome.isFault() || outcome.isMapped() || outcome.getLevel() == null) {
			return;
		}
		int level = outcome.getLevel();
		Platform platform = LayoutContexts.platformOf(outcome);
		if (!PlatformFacts.isLeafLevel(platform, level)) {
			error(noLeafMessage(level), outcome, L.getOutcome_Level(), NO_LEAF_AT_LEVEL, "2");
		} else if (level == Geometry.LAST_LEVEL && "block".equals(outcome.getShape())
				|| level < Geometry.LAST_LEVEL && "page".equals(outcome.getShape())) {
			error("A level " + level + " leaf is a " + (level == Geometry.LAST_LEVEL ? "page" : "block"), outcome,
					L.getOutcome_Shape(), LEAF_SHAPE_MISMATCH, level == Geometry.LAST_LEVEL ? "page" : "block");
		}
	}

	/** A walk faults at one of the levels it walks: the start level (-1 to 1) to 3 (ARM ARM D8.2, fault.c). */
	@Check
	public void checkFaultLevel(Outcome outcome) {
		if (!outcome.isFault() || outcome.getLevel() == null) {
			return;
		}
		int level = outcome.getLevel();
		int start = PlatformFacts.startLevel(LayoutContexts.platformOf(outcome));
		if (level < start || level > Geometry.LAST_LEVEL) {
			error("The walk of this platform's tables has levels " + start + " to " + Geometry.LAST_LEVEL
					+ ": it cannot fault at level " + level, outcome, L.getOutcome_Level(), FAULT_LEVEL_OUT_OF_RANGE,
					String.valueOf(Geometry.LAST_LEVEL));
		}
	}

	/** Observed entries sit at a level the tables have; a table entry at the last level would have nothing below. */
	@Check
	public void checkObservedLevel(ObservedStep step) {
		if (step.getLevel() == null) {
			return;
		}
		int start = PlatformFacts.startLevel(LayoutContexts.platformOf(step));
		int last = step.isTable() ? Geometry.LAST_LEVEL - 1 : Geometry.LAST_LEVEL;
		if (step.getLevel() < start || step.getLevel() > last) {
			error("This platform's tables have " + (step.isTable() ? "table entries at levels " : "entries at levels ")
					+ start + " to " + last + ", not at level " + step.getLevel(), step, L.getObservedStep_Level(),
					OBSERVED_LEVEL_OUT_OF_RANGE);
		}
	}

	/** `is block-mapped at level N`: only blocks have a level to name, and only at levels Linux maps blocks at. */
	@Check
	public void checkShapeLevel(RangeCheck check) {
		if (check.getShape() == null || check.getLevel() == null) {
			return;
		}
		int level = check.getLevel();
		boolean pagesAtLast = "page-mapped".equals(check.getShape()) && level == Geometry.LAST_LEVEL;
		if (!"block-mapped".equals(check.getShape()) && !pagesAtLast) {
			error("Only block-mapped names a level: " + check.getShape() + " has none", check, L.getRangeCheck_Shape(),
					LEAF_SHAPE_MISMATCH, "block-mapped");
		} else if (!pagesAtLast && (level == Geometry.LAST_LEVEL
				|| !PlatformFacts.isLeafLevel(LayoutContexts.platformOf(check), level))) {
			error(noLeafMessage(level).replace("leaf", "block"), check, L.getRangeCheck_Level(), NO_LEAF_AT_LEVEL, "2");
		}
	}

	/** A split names where it happens and what it leaves; no_split and -EINVAL split nothing. */
	@Check
	public void checkSplitDetail(SplitCheck check) {
		if (check.getExpected() != SplitResult.SPLIT && (check.getLevel() != null || check.getTarget() != null)) {
			error("Only `expect split` has a level and a result: " + check.getExpected().getLiteral() + " splits nothing",
					check, L.getSplitCheck_Expected(), SPLIT_DETAIL_WITHOUT_SPLIT, "split");
		}
	}

	private static String noLeafMessage(int level) {
		return "Linux maps no leaf at level " + level + " with this granule (pud_sect_supported(): level 1 blocks "
				+ "with 4K pages only; blocks at level 2; pages at level 3)";
	}

	/** ptdump sections are its address_markers[] (arch/arm64/mm/ptdump.c). */
	@Check
	public void checkPtdumpContent(PtdumpContentCheck check) {
		if (check.getRow() != null && check.getRow().isBlank()) {
			error("An empty row is in every dump: write the line as the kernel prints it", check,
					L.getPtdumpContentCheck_Row(), EMPTY_PTDUMP_ROW);
		}
		if (check.getSection() == null) {
			return;
		}
		List<String> sections = PlatformFacts.ptdumpSections(LayoutContexts.platformOf(check));
		if (!sections.contains(check.getSection()) && !sections.contains(check.getSection().replaceFirst(" start$", ""))) {
			String closest = PtdumpWords.closest(check.getSection(), sections);
			error("kernel_page_tables has no section \"" + check.getSection() + "\" (it has " + String.join(", ", sections)
					+ ")", check, L.getPtdumpContentCheck_Section(), UNKNOWN_PTDUMP_SECTION,
					closest == null ? new String[0] : new String[] { closest });
		}
	}
}
