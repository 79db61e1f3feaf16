package org.pagewright.lang.validation;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.pagewright.lang.addresses.AddressEvaluator;
import org.pagewright.lang.addresses.PlatformFacts;
import org.pagewright.lang.layout.DramBank;
import org.pagewright.lang.layout.GranuleSetting;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.KernelSetting;
import org.pagewright.lang.layout.LayoutPackage;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.PlatformSetting;
import org.pagewright.lang.layout.Symbol;
import org.pagewright.lang.layout.VaBitsSetting;
import org.pagewright.lang.naming.LayoutContexts;

/**
 * What the engine cannot take, refused on the line that says it: DRAM the descriptors cannot address, empty banks,
 * a swapper_pg_dir that is not a table page, a setting given twice, a patch numbered past its series' total. Registered beside {@link LayoutValidator}.
 */
public class InputLimitsValidator extends BesideLayoutValidator {

	private static final LayoutPackage L = LayoutPackage.eINSTANCE;

	/**
	 * arm64 memblock: memory above PHYS_MASK (the PARange the kernel runs with) is never mapped (mm/init.c); a bank
	 * must hold a page. Judged per platform, so the platform's facts are computed once for 100,000 banks.
	 */
	@Check
	public void checkDramBanks(Platform platform) {
		BigInteger limit = PlatformFacts.physicalLimit(platform);
		BigInteger page = PlatformFacts.pageSize(platform);
		for (PlatformSetting setting : platform.getSettings()) {
			if (setting instanceof DramBank bank && bank.getBase() != null && bank.getSize() != null) {
				checkBank(bank, limit, page);
			}
		}
	}

	private void checkBank(DramBank bank, BigInteger limit, BigInteger page) {
		BigInteger end = bank.getBase().add(bank.getSize());
		if (end.compareTo(PlatformFacts.TWO_TO_64) > 0) {
			error("DRAM bank '" + bank.getName() + "' wraps past 2^64", bank, L.getDramBank_Size(),
					InputIssueCodes.DRAM_BEYOND_PA);
		} else if (end.compareTo(limit) > 0) {
			error(String.format("DRAM bank '%s' [0x%x, 0x%x) lies beyond the platform's %d-bit physical address size",
					bank.getName(), bank.getBase(), end, limit.bitLength() - 1), bank, L.getDramBank_Base(),
					InputIssueCodes.DRAM_BEYOND_PA);
		}
		if (bank.getSize().compareTo(page) < 0) {
			error("DRAM bank '" + bank.getName() + "' of " + bank.getSize() + " bytes holds no whole "
					+ page.shiftRight(10) + "K page", bank, L.getDramBank_Size(), InputIssueCodes.EMPTY_DRAM_BANK);
		}
	}

	/** swapper_pg_dir is a page table: vmlinux.lds.S places it PAGE_SIZE aligned (and TTBR1 needs that). */
	@Check
	public void checkSwapperPgDirAligned(Image image) {
		Platform platform = LayoutContexts.platformOf(image);
		for (Symbol symbol : image.getSymbols()) {
			if ("swapper_pg_dir".equals(symbol.getName())) {
				BigInteger va = AddressEvaluator.forContext(image).valueOf(symbol);
				BigInteger page = PlatformFacts.pageSize(platform);
				if (va != null && va.mod(page).signum() != 0) {
					error("swapper_pg_dir must be aligned to the " + page.shiftRight(10) + "K page size (it is a page "
							+ "table)", symbol, L.getSymbol_Value(), InputIssueCodes.MISALIGNED_SWAPPER_PG_DIR);
				}
			}
		}
	}

	/** The validator reads a platform's first granule/va_bits/kernel and the compiler its last: allow one. */
	@Check
	public void checkSettingsGivenOnce(Platform platform) {
		Map<EClass, PlatformSetting> seen = new HashMap<>();
		for (PlatformSetting setting : platform.getSettings()) {
			if ((setting instanceof GranuleSetting || setting instanceof VaBitsSetting
					|| setting instanceof KernelSetting) && seen.putIfAbsent(setting.eClass(), setting) != null) {
				error("the platform sets '" + keyword(setting) + "' twice; give it once", setting, null,
						InputIssueCodes.DUPLICATE_SETTING);
			}
		}
	}

	/** `patch 13/15`: the number is one of 1..total (git format-patch numbering). */
	@Check
	public void checkPatchNumberWithinTotal(Patch patch) {
		boolean written = !NodeModelUtils.findNodesForFeature(patch, L.getPatch_Total()).isEmpty(); // 0 is the default
		if (written && (patch.getNumber() < 1 || patch.getNumber() > patch.getTotal())) {
			error("patch " + patch.getNumber() + "/" + patch.getTotal() + ": the number must be from 1 to the total",
					patch, L.getPatch_Total(), InputIssueCodes.PATCH_BEYOND_TOTAL);
		}
	}

	private static String keyword(PlatformSetting setting) {
		return setting instanceof GranuleSetting ? "granule" : setting instanceof VaBitsSetting ? "va_bits" : "kernel";
	}
}
