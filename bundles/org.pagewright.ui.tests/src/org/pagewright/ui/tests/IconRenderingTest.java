package org.pagewright.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.DecorationOverlayIcon;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

/**
 * The platform's icons are SVG, rasterised by jsvg through a ServiceLoader that Aries SPI Fly weaves with ASM:
 * an ASM too old for the running JDK's class files leaves every decorated icon (a file with a problem marker in
 * the Project Explorer) failing to render.
 */
class IconRenderingTest {

	@Test
	void aFileIconWithAnErrorOverlayRenders() {
		ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
		ImageDescriptor file = images.getImageDescriptor(ISharedImages.IMG_OBJ_FILE);
		ImageDescriptor error = images.getImageDescriptor(ISharedImages.IMG_DEC_FIELD_ERROR);

		Image decorated = new DecorationOverlayIcon(file, error, IDecoration.BOTTOM_LEFT).createImage(false);

		assertNotNull(decorated, "the decorated icon could not be created");
		decorated.dispose();
	}
}
