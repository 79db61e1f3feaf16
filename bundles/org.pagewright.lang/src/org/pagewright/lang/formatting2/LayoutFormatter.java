package org.pagewright.lang.formatting2;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.FormatterPreferenceKeys;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.preferences.MapBasedPreferenceValues;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.pagewright.lang.layout.Checks;
import org.pagewright.lang.layout.CmdlineWord;
import org.pagewright.lang.layout.CpuMidrSetting;
import org.pagewright.lang.layout.Image;
import org.pagewright.lang.layout.KconfigOption;
import org.pagewright.lang.layout.LayoutPackage;
import org.pagewright.lang.layout.Model;
import org.pagewright.lang.layout.Outcome;
import org.pagewright.lang.layout.Patch;
import org.pagewright.lang.layout.PhaseSteps;
import org.pagewright.lang.layout.Platform;
import org.pagewright.lang.layout.Policy;
import org.pagewright.lang.layout.Range;
import org.pagewright.lang.layout.Series;
import org.pagewright.lang.layout.TablePagesCheck;

/**
 * One setting, symbol, step, edit or check per line, blocks indented by two spaces, a blank line between top-level
 * elements, and single spaces elsewhere — except inside the kernel's own spellings: {@code pgprot_tagged(PAGE_KERNEL)},
 * {@code lm_alias[a, b)}, {@code rodata=on}, {@code KFENCE=n}, {@code kfence.sample_interval}, {@code 7.0.1}, {@code 13/15}, {@code label:},
 * {@code cpus 1-3}, {@code table_pages <= +3}.
 */
public class LayoutFormatter extends AbstractJavaFormatter {

	/** Blocks indent by two spaces whatever the client's preference (the layout files' house style). */
	@Override
	protected void initialize(FormatterRequest request) {
		request.setPreferences(new MapBasedPreferenceValues(request.getPreferences(),
				Map.of(FormatterPreferenceKeys.indentation.getId(), "  ")));
		super.initialize(request);
	}

	protected void format(Model model, IFormattableDocument doc) {
		for (ISemanticRegion region : allSemanticRegions(model)) {
			doc.append(region, it -> {
				it.oneSpace();
				it.lowPriority();
			});
		}
		List<? extends EObject> elements = model.getElements();
		for (int i = 0; i < model.getImports().size(); i++) {
			if (i < model.getImports().size() - 1 || elements.isEmpty()) {
				doc.append(model.getImports().get(i), it -> it.newLine());
			}
		}
		if (!model.getImports().isEmpty() && !elements.isEmpty()) {
			doc.prepend(elements.get(0), it -> it.setNewLines(2));
		}
		for (int i = 0; i < elements.size(); i++) {
			doc.append(elements.get(i), i < elements.size() - 1 ? it -> it.setNewLines(2) : it -> it.newLine());
		}
		model.eAllContents().forEachRemaining(object -> formatObject(object, doc));
	}

	private void formatObject(EObject object, IFormattableDocument doc) {
		if (object instanceof Platform p) {
			block(object, p.getSettings(), doc);
		} else if (object instanceof Image image) {
			block(object, image.eContents(), doc);
		} else if (object instanceof Policy policy) {
			block(object, policy.getPhases(), doc);
		} else if (object instanceof PhaseSteps phase) {
			block(object, phase.getSteps(), doc);
		} else if (object instanceof Series series) {
			block(object, series.getPatches(), doc);
		} else if (object instanceof Patch patch) {
			block(object, patch.getEdits(), doc);
			doc.surround(regionFor(patch).keyword("/"), it -> it.noSpace());
		} else if (object instanceof Checks checks) {
			block(object, checks.getChecks(), doc);
			regionFor(checks).keywords(",").forEach(c -> doc.prepend(c, it -> it.noSpace()));
		} else if (object instanceof CmdlineWord || object instanceof KconfigOption) {
			doc.surround(regionFor(object).keyword("="), it -> it.noSpace());
			regionFor(object).keywords(".").forEach(dot -> doc.surround(dot, it -> it.noSpace()));
		} else if (object instanceof Range range) {
			ISemanticRegion open = regionFor(range).keyword("[");
			if (range.isLinearAlias()) {
				doc.prepend(open, it -> it.noSpace());
			}
			doc.append(open, it -> it.noSpace());
			doc.prepend(regionFor(range).keyword(","), it -> it.noSpace());
			doc.append(regionFor(range).keyword("+"), it -> it.noSpace());
			doc.prepend(regionFor(range).keyword(")"), it -> it.noSpace());
		} else if (object instanceof Outcome outcome) {
			doc.append(regionFor(outcome).keyword("-"), it -> it.noSpace());
		} else if (object instanceof TablePagesCheck tablePages) {
			// a delta is one word: `table_pages <= +3`
			doc.append(regionFor(tablePages).feature(LayoutPackage.Literals.TABLE_PAGES_CHECK__SIGN), it -> it.noSpace());
		} else if (object instanceof CpuMidrSetting cpus) {
			doc.surround(regionFor(cpus).keyword("-"), it -> it.noSpace());
		}
		formatKernelSpellings(object, doc);
	}

	/** Calls, labels and versions: no space inside parentheses, before `:` or around the dots of a version. */
	private void formatKernelSpellings(EObject object, IFormattableDocument doc) {
		for (ISemanticRegion open : regionFor(object).keywords("(")) {
			doc.prepend(open, it -> it.noSpace());
			doc.append(open, it -> it.noSpace());
		}
		regionFor(object).keywords(")").forEach(close -> doc.prepend(close, it -> it.noSpace()));
		regionFor(object).keywords(":").forEach(colon -> doc.prepend(colon, it -> it.noSpace()));
		if (object instanceof org.pagewright.lang.layout.KernelSetting) {
			regionFor(object).keywords(".").forEach(dot -> doc.surround(dot, it -> it.noSpace()));
		}
	}

	private void block(EObject owner, List<? extends EObject> children, IFormattableDocument doc) {
		ISemanticRegion open = regionFor(owner).keyword("{");
		ISemanticRegion close = regionFor(owner).keyword("}");
		if (open == null || close == null) {
			return;
		}
		doc.prepend(open, it -> it.oneSpace());
		doc.interior(open, close, it -> it.indent());
		doc.append(open, it -> it.newLine());
		doc.prepend(close, it -> it.newLine());
		for (EObject child : children) {
			doc.append(child, it -> it.newLine());
		}
	}
}
