package org.pagewright.ui.view;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.Geometry;
import org.pagewright.arm64.PhysicalAddress;
import org.pagewright.arm64.desc.Descriptor;
import org.pagewright.arm64.table.PageTables;

/**
 * An entry of a table page in the Tree tab: its level, index, the VA span it covers and its descriptor. Children
 * (the non-empty entries of the next-level table) are read from the state only when the node is expanded.
 */
record TableEntryNode(PageTables tables, int level, long tablePa, int index, long spanStart, long descriptor) {

	/** The root table's non-empty entries. */
	static List<TableEntryNode> roots(PageTables tables) {
		Geometry g = tables.geometry();
		return entriesOf(tables, g.startLevel(), tables.rootPa().value(), g.kernelVaStart());
	}

	private static List<TableEntryNode> entriesOf(PageTables tables, int level, long tablePa, long firstVa) {
		Geometry g = tables.geometry();
		long[] entries = tables.tableCopy(new PhysicalAddress(tablePa));
		List<TableEntryNode> out = new ArrayList<>();
		if (entries == null) {
			return out;
		}
		int count = Math.min(entries.length, g.entries(level));
		int first = level == g.startLevel() ? g.index(level, firstVa) : 0;
		for (int i = first; i < count; i++) {
			if (entries[i] != 0) {
				out.add(new TableEntryNode(tables, level, tablePa, i, firstVa + (i - first) * g.levelSize(level), entries[i]));
			}
		}
		return out;
	}

	boolean isTable() {
		return Descriptor.isTable(descriptor, level);
	}

	long spanSize() {
		return tables.geometry().levelSize(level);
	}

	long nextTablePa() {
		return tables.nextTablePa(descriptor).value();
	}

	List<TableEntryNode> children() {
		return isTable() ? entriesOf(tables, level + 1, nextTablePa(), spanStart) : List.of();
	}

	/** table, block, page (with CONT), invalid (present-invalid when nG marks it). */
	String kind() {
		if (isTable()) {
			return "table";
		}
		String leaf = level == Geometry.LAST_LEVEL ? "page" : "block";
		if (!Descriptor.isValid(descriptor)) {
			return ((descriptor & Descriptor.PRESENT_INVALID) != 0 ? "present-invalid " : "invalid ") + leaf;
		}
		return (descriptor & Descriptor.CONT) != 0 ? leaf + " CONT" : leaf;
	}

	String label() {
		return tables.geometry().linuxLevelName(level) + " [" + index + "]";
	}
}
