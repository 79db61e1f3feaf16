package org.pagewright.arm64;

/**
 * Checked failure of {@link Geometry#of}: the granule / VA-bits / LPA2 combination is not one a Linux arm64
 * kernel can be configured with. The message says why and what would be accepted.
 */
public final class UnsupportedGeometryException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnsupportedGeometryException(String message) {
        super(message);
    }
}
