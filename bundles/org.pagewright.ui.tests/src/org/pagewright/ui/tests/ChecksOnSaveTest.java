package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pagewright.ui.checks.LayoutCheckJob;
import org.pagewright.ui.editor.LayoutMarkers;

/** Saving a layout file runs its checks; the ones that fail are problem markers on their own lines. */
class ChecksOnSaveTest {

	private static final String LAYOUT = """
			platform small {
			  arch arm64
			  granule 4K
			  va_bits 48
			  kernel 6.18
			  dram bank0 at 0x4000_0000 size 64M
			}
			image img {
			  load phys 0x4020_0000 virt 0xffff_8000_8000_0000
			  symbol _text = 0xffff800080000000
			  symbol data_start = _text + 8M
			  symbol data_end = data_start + 2M
			}
			policy base on small with img {
			  boot {
			    bank_map: map [0xffff000000000000, +64M) phys 0x4000_0000 pgprot_tagged(PAGE_KERNEL) NO_EXEC_MAPPINGS | NO_BLOCK_MAPPINGS
			  }
			}
			series unmap on base {
			  patch 1 "unmap the data alias" {
			    after bank_map: set_memory_valid lm_alias[data_start, data_end) invalid
			  }
			}
			checks review on unmap after 1 {
			  read lm_alias(data_start) expect %s
			  read lm_alias(data_end) expect ok
			}
			""";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.project("checks-on-save-test");
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@Test
	void aCheckThatFailsIsMarkedOnItsLineAndTheMarkerGoesWhenItHolds() throws CoreException {
		IFile file = Workbench.file(project, "review.layout", LAYOUT.formatted("ok"));

		assertTrue(Workbench.waitUntil(() -> failures(file).length == 1, 60_000), "the failed check was not marked");
		IMarker failure = failures(file)[0];
		assertEquals(25, failure.getAttribute(IMarker.LINE_NUMBER, -1));
		String message = failure.getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.contains("level 3 translation fault (FSC 0x07"), message);

		Workbench.file(project, "review.layout", LAYOUT.formatted("fault level 3 translation"));

		assertTrue(Workbench.waitUntil(() -> failures(file).length == 0 && idle(), 60_000),
				"the marker stayed after the check held");
	}

	private static boolean idle() {
		return Job.getJobManager().find(LayoutCheckJob.FAMILY).length == 0;
	}

	private static IMarker[] failures(IFile file) {
		try {
			return file.findMarkers(LayoutMarkers.CHECK_FAILURE, false, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			return new IMarker[0];
		}
	}
}
