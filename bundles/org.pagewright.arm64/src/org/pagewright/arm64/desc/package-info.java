/** Descriptor bits (pgtable-hwdef.h), the Linux prot values (pgtable-prot.h) and MAIR memory types. */
package org.pagewright.arm64.desc;
