package org.pagewright.arm64.walk;

/** The kind of EL1 access being translated. */
public enum Access {
    READ, WRITE, EXEC
}
