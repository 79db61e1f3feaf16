package org.pagewright.arm64.layout;

/** One entry of ptdump's address_markers[]: the walk prints {@code ---[ name ]---} when it reaches the address. */
public record AddressMarker(long address, String name) {
}
