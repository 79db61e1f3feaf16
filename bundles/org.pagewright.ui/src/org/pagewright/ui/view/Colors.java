package org.pagewright.ui.view;

import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.pagewright.arm64.ptdump.PtdumpRow;
import org.pagewright.config.run.PtdumpDiff;

/** The view's colours: one per kind of ptdump range (shared by the table and the map) and per kind of diff line. */
final class Colors {

	private Colors() {
	}

	static RGB of(PtdumpRow.Kind kind) {
		return switch (kind) {
		case READ_WRITE -> new RGB(0xc6, 0xe2, 0xff); // blue: writable data
		case READ_ONLY -> new RGB(0xd5, 0xf0, 0xc8); // green: read-only
		case EXECUTABLE -> new RGB(0xff, 0xd8, 0xa8); // orange: kernel text
		case INVALID -> new RGB(0xff, 0xb8, 0xb8); // red: present-invalid, faults
		case UNMAPPED -> new RGB(0xff, 0xff, 0xff);
		};
	}

	static RGB of(PtdumpDiff.Change change) {
		return switch (change) {
		case ADDED -> new RGB(0xd4, 0xf7, 0xd4);
		case REMOVED -> new RGB(0xff, 0xd6, 0xd6);
		case CHANGED -> new RGB(0xff, 0xf2, 0xb3);
		case EQUAL -> new RGB(0xff, 0xff, 0xff);
		};
	}

	static Color color(RGB rgb) {
		return new Color(rgb); // SWT 3.120+: colours need no disposal
	}
}
