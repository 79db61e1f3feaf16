package org.pagewright.ui.view;

import java.util.ArrayList;
import java.util.List;

import org.pagewright.arm64.ptdump.PtdumpRow;

/**
 * The geometry of the Map tab, free of SWT: one lane per ptdump section, each lane scaled to the VA span its
 * mapped ranges cover (the sections differ by orders of magnitude, and most of each is empty), a common zoom and
 * pan in lane fractions, and hit-testing of ranges.
 */
final class AddressSpaceMap {
	static final int LABEL_WIDTH = 170;
	static final int LANE_HEIGHT = 48;
	static final int BAR_HEIGHT = 30;
	static final int TOP = 24;

	/** A section and its ranges; the lane spans its first to its last mapped byte (the whole section if none is). */
	record Lane(String name, long start, long end, List<PtdumpRow.Range> ranges) {
		double fraction(long va) {
			double span = unsigned(end - start == 0 ? 1 : end - start);
			return unsigned(va - start) / span;
		}
	}

	private final List<Lane> lanes;
	private double zoom = 1;
	private double pan; // lane fraction at the left edge

	AddressSpaceMap(List<PtdumpRow> rows) {
		lanes = lanesOf(rows);
	}

	private static List<Lane> lanesOf(List<PtdumpRow> rows) {
		List<Lane> out = new ArrayList<>();
		String name = null;
		List<PtdumpRow.Range> ranges = new ArrayList<>();
		for (PtdumpRow row : rows) {
			if (row instanceof PtdumpRow.Marker m) {
				add(out, name, ranges);
				name = m.name();
				ranges = new ArrayList<>();
			} else {
				ranges.add((PtdumpRow.Range) row);
			}
		}
		add(out, name, ranges);
		return out;
	}

	private static void add(List<Lane> out, String name, List<PtdumpRow.Range> ranges) {
		if (name == null || ranges.isEmpty()) {
			return;
		}
		List<PtdumpRow.Range> mapped = ranges.stream().filter(r -> r.kind() != PtdumpRow.Kind.UNMAPPED).toList();
		List<PtdumpRow.Range> extent = mapped.isEmpty() ? ranges : mapped;
		out.add(new Lane(name, extent.get(0).start(), extent.get(extent.size() - 1).end(), List.copyOf(ranges)));
	}

	List<Lane> lanes() {
		return lanes;
	}

	int height() {
		return TOP + lanes.size() * LANE_HEIGHT + 8;
	}

	/** x of a VA in a lane, for a drawing area of this width. */
	int x(Lane lane, long va, int width) {
		double f = (lane.fraction(va) - pan) * zoom;
		return LABEL_WIDTH + (int) Math.round(f * (width - LABEL_WIDTH));
	}

	/** The VA shown at x in a lane (the inverse of {@link #x}). */
	long vaAt(Lane lane, int x, int width) {
		double f = pan + (double) (x - LABEL_WIDTH) / (width - LABEL_WIDTH) / zoom;
		double span = unsigned(lane.end() - lane.start());
		return lane.start() + (long) (f * span);
	}

	/** Zooms by factor around the point at x (mouse wheel). */
	void zoom(double factor, int x, int width) {
		double at = pan + (double) (x - LABEL_WIDTH) / (width - LABEL_WIDTH) / zoom;
		zoom = Math.max(1, Math.min(1e9, zoom * factor));
		pan = clampPan(at - (double) (x - LABEL_WIDTH) / (width - LABEL_WIDTH) / zoom);
	}

	void reset() {
		zoom = 1;
		pan = 0;
	}

	/** Pans by dx pixels (drag). */
	void pan(int dx, int width) {
		pan = clampPan(pan - (double) dx / (width - LABEL_WIDTH) / zoom);
	}

	private double clampPan(double p) {
		return Math.max(0, Math.min(1 - 1 / zoom, p));
	}

	double zoomFactor() {
		return zoom;
	}

	/** The range drawn at (x, y), or null. */
	PtdumpRow.Range rangeAt(int x, int y, int width) {
		int laneIndex = (y - TOP) / LANE_HEIGHT;
		if (y < TOP || laneIndex >= lanes.size() || x < LABEL_WIDTH) {
			return null;
		}
		Lane lane = lanes.get(laneIndex);
		for (PtdumpRow.Range r : lane.ranges()) {
			int x0 = x(lane, r.start(), width);
			int x1 = Math.max(x0 + 1, x(lane, r.end() == 0 ? lane.end() : r.end(), width));
			if (x >= x0 && x < x1) {
				return r;
			}
		}
		return null;
	}

	static double unsigned(long v) {
		return v >= 0 ? v : (double) (v >>> 1) * 2.0;
	}
}
