package org.pagewright.arm64;

/** Outcome of {@link Geometry#check}: a supported geometry or the reason it is refused. */
public sealed interface GeometryResult {

    record Supported(Geometry geometry) implements GeometryResult {
    }

    record Unsupported(String reason) implements GeometryResult {
    }
}
