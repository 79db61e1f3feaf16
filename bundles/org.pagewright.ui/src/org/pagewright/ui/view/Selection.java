package org.pagewright.ui.view;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.pagewright.arm64.ptdump.PtdumpRow;
import org.pagewright.config.Phase;
import org.pagewright.config.run.RevisionResult;
import org.pagewright.config.run.RunResult;
import org.pagewright.config.run.StateView;
import org.pagewright.lang.generator.LayoutChecks;

/**
 * What the Page Tables view shows: one state of one run of a file (series or policy, platform variant, revision,
 * phase), with the run around it for the tabs that compare states or evaluate addresses, and the state's ptdump
 * rows.
 */
record Selection(IFile file, LayoutChecks.Run run, StateView state, List<PtdumpRow> rows) {

	/** The selection of a state, its ptdump rows rendered once for every tab that shows them. */
	static Selection of(IFile file, LayoutChecks.Run run, StateView state) {
		return new Selection(file, run, state, state.ptdumpRows());
	}

	RunResult result() {
		return run.result();
	}

	/** The same phase of the revision before this one, if there is one (the diff's default). */
	Optional<StateView> previous() {
		List<RevisionResult> revisions = result().revisions();
		int at = revisions.indexOf(state.revision());
		return at <= 0 ? Optional.empty() : result().state(revisions.get(at - 1).patch(), state.phase().phase());
	}

	Optional<StateView> other(int patch, Phase phase) {
		return result().state(patch, phase);
	}
}
